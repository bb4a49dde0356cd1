from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search_api, name="api-search"),
    path("autocomplete/", views.autocomplete_api, name="api-autocomplete"),
]
