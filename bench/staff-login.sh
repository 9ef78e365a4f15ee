#!/bin/bash
# Sets the first staff password from the one-time link Roster printed in app.log (no ROSTER_ADMIN_EMAIL),
# then logs in; the session is left in cookies.txt for pages.sh. Start Roster with
# ROSTER_ADMIN_REQUIRE_TWO_FACTOR=false for this, so that no authenticator is needed.
B=${ROSTER_URL:-http://127.0.0.1:18080}
PASSWORD='correct horse battery staple 42'
csrf() { curl -s -c cookies.txt -b cookies.txt "$B$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
rm -f cookies.txt
LINK=$(grep -o 'admin/setup-password?token=[A-Za-z0-9_-]*' app.log | tail -1)
if [ -n "$LINK" ]; then
  curl -s -c cookies.txt -b cookies.txt -o /dev/null "$B/$LINK"
  curl -s -c cookies.txt -b cookies.txt -o /dev/null --data-urlencode "_csrf=$(csrf /admin/setup-password)" \
    --data-urlencode "password=$PASSWORD" --data-urlencode "confirmation=$PASSWORD" "$B/admin/setup-password"
fi
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w "login %{http_code} %{redirect_url}\n" \
  --data-urlencode "_csrf=$(csrf /admin/login)" --data-urlencode "email=admin@localhost" \
  --data-urlencode "password=$PASSWORD" "$B/admin/login"
