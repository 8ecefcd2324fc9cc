# Sourced: run_wrk NAME URL LUA [DURATION] -> prints a Markdown row; sets RPS_<NAME>.
# Parses wrk --latency output: Requests/sec, 50% and 99% latency, non-2xx (from the Lua script).
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNS=${WRK_CONNS:-32}
WRK_DURATION=${WRK_DURATION:-10s}
to_ms() { # wrk latency like 1.23ms / 456.00us / 1.02s -> ms
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); printf "%.2f", v/1000}
    else if (v ~ /ms$/) {sub(/ms$/,"",v); printf "%.2f", v}
    else if (v ~ /s$/) {sub(/s$/,"",v); printf "%.2f", v*1000}
    else if (v ~ /m$/) {sub(/m$/,"",v); printf "%.2f", v*60000} else print v }'
}
run_wrk() {
  local name=$1 url=$2 lua=$3 dur=${4:-$WRK_DURATION} out
  out=$(timeout 120 wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"$dur" --timeout 10s --latency -s "$lua" "$url")
  echo "$out" > "$BENCH_TMP/wrk-$name.txt"
  local rps p50 p99 non2xx total
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  p50=$(to_ms "$(echo "$out" | awk '$1=="50%"{print $2}')")
  p99=$(to_ms "$(echo "$out" | awk '$1=="99%"{print $2}')")
  non2xx=$(echo "$out" | awk '/^NON2XX/{print $2}')
  total=$(echo "$out" | awk '/requests in/{print $1}')
  printf -v "RPS_$name" '%s' "$rps"
  printf -v "P50_$name" '%s' "$p50"
  printf -v "P99_$name" '%s' "$p99"
  printf -v "NON2XX_$name" '%s' "$non2xx"
  printf -v "TOTAL_$name" '%s' "$total"
  echo "wrk $name: $rps req/s p50 ${p50}ms p99 ${p99}ms non-2xx $non2xx of $total" >&2
}
