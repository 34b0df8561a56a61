from django.urls import path

from . import views

urlpatterns = [
    path("verify/", views.verify, name="two_factor_verify"),
    path("setup/", views.setup, name="two_factor_setup"),
    path("", views.manage, name="two_factor_manage"),
]
