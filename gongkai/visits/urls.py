from django.urls import path

from . import views

urlpatterns = [
    path("visits/hit/", views.hit, name="visits_hit"),
    path("visits/pixel.gif", views.pixel, name="visits_pixel"),
]
