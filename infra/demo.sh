#!/usr/bin/env bash
# Demo data through the public API: two advertisers with keys, campaigns with ad sets and approved
# creatives, activated so /v1/decisions serves them, plus a little tracked traffic.
# Needs AD_URL (default http://127.0.0.1:8080) and SURF_ADMIN_API_KEY. Keys are written to .surf/demo-keys.
set -euo pipefail
AD_URL=${AD_URL:-http://127.0.0.1:8080}
: "${SURF_ADMIN_API_KEY:?set SURF_ADMIN_API_KEY (./surf demo does)}"
OUT="$(cd "$(dirname "$0")/.." && pwd)/.surf/demo-keys"
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
call() { # key method path [body]
  local args=(-sS -f -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json')
  [ $# -ge 4 ] && args+=(-d "$4")
  curl "${args[@]}" "$AD_URL$3" || { echo "demo: $2 $3 failed" >&2; return 1; }
}
: >"$OUT"; chmod 600 "$OUT"
for adv in "Trailhead Running:running:DE" "Bean & Leaf Coffee:food:US"; do
  IFS=: read -r name interest country <<<"$adv"
  id=$(call "$SURF_ADMIN_API_KEY" POST /api/v1/advertisers "{\"name\":\"$name\"}" | json "['id']")
  key=$(call "$SURF_ADMIN_API_KEY" POST "/api/v1/advertisers/$id/api-keys" '{"name":"demo"}' | json "['key']")
  echo "$name advertiser $id key $key" >>"$OUT"
  for c in 1 2; do
    cid=$(call "$key" POST /api/v1/campaigns "{\"name\":\"$name spring $c\",\"objective\":\"CLICKS\",\"dailyBudgetMicros\":$((c * 40000000)),\"bidStrategy\":\"CPC\",\"bidAmountMicros\":$((500000 + c * 250000)),\"timeZone\":\"UTC\"}" | json "['id']")
    call "$key" POST /api/v1/ad-sets "{\"campaignId\":$cid,\"name\":\"core $c\",\"countries\":[\"$country\"],\"interests\":[\"$interest\"]}" >/dev/null
    crid=$(call "$key" POST /api/v1/creatives "{\"campaignId\":$cid,\"headline\":\"$name: new season\",\"primaryText\":\"Fresh picks for $interest fans, delivered fast.\",\"description\":\"Free returns\",\"callToAction\":\"SHOP_NOW\",\"landingUrl\":\"https://example.com/$c\"}" | json "['id']")
    call "$key" POST "/api/v1/creatives/$crid/actions/submit" >/dev/null
    call "$SURF_ADMIN_API_KEY" POST "/api/v1/creatives/$crid/actions/approve" >/dev/null
    call "$key" POST "/api/v1/campaigns/$cid/actions/activate" >/dev/null
  done
done
sleep 2 # the decision index refreshes from the change notifications within a second
served=0
for u in $(seq 1 40); do
  resp=$(curl -sS -f -X POST -H 'Content-Type: application/json' "$AD_URL/v1/decisions" \
    -d "{\"placement\":\"home_top\",\"n\":1,\"user\":{\"id\":\"demo-user-$u\",\"country\":\"DE\",\"interests\":[\"running\"]},\"context\":{\"device\":\"desktop\"}}") || continue
  imp=$(echo "$resp" | python3 -c "import json,sys; a=json.load(sys.stdin).get('ads',[]); print(a[0]['tracking']['impressionUrl'] if a else '')" 2>/dev/null || true)
  case "$imp" in /*) imp="$AD_URL$imp" ;; esac
  [ -n "$imp" ] && curl -sS -o /dev/null "$imp" && served=$((served + 1))
done
echo "demo: 2 advertisers, 4 active campaigns, $served tracked impressions; API keys in .surf/demo-keys"
