// Counts this page once it is shown (gongkai/visits): sends the token the page carries and the host name of the
// site that linked here, never more. Nothing is sent under Do-Not-Track or Global Privacy Control, and a page the
// browser only prerenders is counted when it is actually shown.
(function () {
  "use strict";
  var script = document.currentScript;
  var nav = window.navigator;
  if (!script || !script.dataset.token) return;
  if (nav.doNotTrack === "1" || window.doNotTrack === "1" || nav.globalPrivacyControl === true) return;

  function referrerHost() {
    try {
      var host = document.referrer ? new URL(document.referrer).hostname : "";
      return host === window.location.hostname ? "" : host;
    } catch (error) {
      return "";
    }
  }

  function send() {
    var data = new URLSearchParams();
    data.append("t", script.dataset.token);
    var host = referrerHost();
    if (host) data.append("r", host);
    if (nav.sendBeacon && nav.sendBeacon(script.dataset.url, data)) return;
    if (window.fetch) {
      window.fetch(script.dataset.url, {method: "POST", body: data, keepalive: true, credentials: "same-origin"})
        .catch(function () {});
    }
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, {once: true});
  } else {
    send();
  }
})();
