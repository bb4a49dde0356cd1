#!/bin/bash
# Odd input against a running site (default http://127.0.0.1:8090, or $1): prints each
# answer's status; any 5xx is a fault. Start the site first, e.g.
#   DEBUG=0 .venv/bin/python manage.py runserver 127.0.0.1:8090
B=${1:-http://127.0.0.1:8090}
urls=(
"/" "/en/" "/buscar/" "/en/search/" "/buscar/?q=%00" "/buscar/?q=$(python3 -c 'print("a"*5000)')" "/buscar/?year=abc" "/buscar/?year_from=3000&year_to=1" "/buscar/?country=ZZ" "/buscar/?country=MX-XXX" "/buscar/?page=-1" "/buscar/?page=99999" "/buscar/?page=1e9" "/buscar/?sort=%27" "/buscar/?theme=%3Cscript%3E" "/buscar/?q=%E2%80%8B" "/buscar/?q=((((" "/buscar/?q=*:*" "/buscar/?q=title:x%20AND%20" "/en/search/?q=%22unterminated" "/api/v1/practices/?q=%FF" "/api/v1/practices/?page_size=100000" "/api/v1/practices/?format=xml" "/api/v1/search/?q=datos&page=abc" "/encuentra/?level=zzz&population=-5" "/en/find/?problem=$(python3 -c 'print("x"*20000)')" "/encuentra/resumen/?country=XX" "/exportar/?format=csv&q=%00" "/feeds/?q=%00" "/sitemap.xml" "/robots.txt" "/api/v1/openapi.yaml" "/buscar/?q=datos&lang=xx" "/buscar/?level=municipal&level=municipal&level=" "/buscar/?keyword=%25%25" "/buscar/sugerencias/?q=%00" "/api/v1/autocomplete/?q=" "/api/v1/autocomplete/?q=$(python3 -c 'print("b"*3000)')"
)
for u in "${urls[@]}"; do printf "%s %s\n" "$(curl -s -o /dev/null -w '%{http_code}' "$B$u")" "${u:0:90}"; done
curl -s -o /dev/null -w "%{http_code} POST finder bad json\n" -X POST -H 'Content-Type: application/json' -d '{bad' $B/api/v1/finder/
curl -s -o /dev/null -w "%{http_code} POST finder list\n" -X POST -H 'Content-Type: application/json' -d '[1,2]' $B/api/v1/finder/
curl -s -o /dev/null -w "%{http_code} POST finder huge\n" -X POST -H 'Content-Type: application/json' -d "{\"problem\":\"$(python3 -c 'print("y "*50000)')\"}" $B/api/v1/finder/
