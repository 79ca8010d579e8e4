#!/usr/bin/env bash
# Makes sure a Debian CI/dev machine has what `npm test` needs, installing and starting as required:
#   - PostgreSQL answering on 127.0.0.1:5432, user postgres without password (trust on loopback)
#   - Redis answering PING on 127.0.0.1:6379
#   - Chromium (/usr/bin/chromium) and a CJK font (fonts-noto-cjk) for the browser tests
# Idempotent: does nothing when everything is already there.
# Env: ENSURE_SERVICES_SKIP_BROWSER=1 skips the Chromium/font step.
set -euo pipefail

log() { echo "[ensure-services] $*"; }
die() {
  echo "[ensure-services] ERROR: $*" >&2
  exit 1
}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    log "not root and no sudo: installing/starting services may fail"
  fi
fi
as_root() { "${SUDO[@]}" "$@"; }

APT_UPDATED=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get -o DPkg::Lock::Timeout=120 update -qq
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  as_root apt-get -o DPkg::Lock::Timeout=120 install -y -qq "$@" </dev/null
}

# ---------------------------------------------------------------- PostgreSQL
pg_up() {
  command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432 -t 2 >/dev/null 2>&1
}

pg_cluster_version() {
  # First cluster with a 'main' configuration, e.g. 15
  local dir
  for dir in /etc/postgresql/*/main; do
    if [ -d "$dir" ]; then
      basename "$(dirname "$dir")"
      return 0
    fi
  done
  return 1
}

start_pg() {
  local ver
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ver=$(pg_cluster_version); then
    apt_install postgresql
    ver=$(pg_cluster_version) || die "postgresql installed but no cluster in /etc/postgresql/*/main"
  fi
  log "starting PostgreSQL cluster $ver/main"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start ||
    log "pg_ctlcluster start returned non-zero (already running?)"
}

# The app and the tests connect as postgres@127.0.0.1 without a password: trust loopback TCP
# (Debian's default is scram-sha-256). Only touches pg_hba.conf when that login is refused.
ensure_pg_trust() {
  local ver hba
  command -v psql >/dev/null 2>&1 || return 0
  if psql -h 127.0.0.1 -U postgres -d postgres -w -Atqc 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  ver=$(pg_cluster_version) || return 0
  hba="/etc/postgresql/$ver/main/pg_hba.conf"
  [ -f "$hba" ] || return 0
  log "allowing passwordless postgres login on 127.0.0.1/::1 ($hba)"
  as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload || true
}

# ---------------------------------------------------------------- Redis
redis_up() {
  local reply=""
  if command -v redis-cli >/dev/null 2>&1; then
    reply=$(timeout 3 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null || true)
  else
    reply=$(timeout 3 bash -c 'exec 3<>/dev/tcp/127.0.0.1/6379 && printf "PING\r\n" >&3 && head -c 5 <&3' 2>/dev/null || true)
  fi
  [[ "$reply" == *PONG* ]]
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server
    # The package may have started its own instance already.
    redis_up && return 0
  fi
  log "starting redis-server on 127.0.0.1:6379"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null ||
    log "redis-server returned non-zero"
}

# ---------------------------------------------------------------- Browser for e2e tests
has_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    # no `grep -q`: with pipefail an early grep exit can fail the pipeline through SIGPIPE
    fc-list 2>/dev/null | grep -i 'Noto.*CJK' >/dev/null
  else
    compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null
  fi
}

# ---------------------------------------------------------------- main
if pg_up; then
  log "PostgreSQL is answering on 127.0.0.1:5432"
else
  start_pg
fi

if redis_up; then
  log "Redis is answering on 127.0.0.1:6379"
else
  start_redis
fi

if [ "${ENSURE_SERVICES_SKIP_BROWSER:-0}" = "1" ]; then
  log "browser step skipped (ENSURE_SERVICES_SKIP_BROWSER=1)"
elif [ -x /usr/bin/chromium ] && has_cjk_font; then
  log "chromium and Noto CJK fonts present"
else
  apt_install chromium fonts-noto-cjk
fi

log "waiting for PostgreSQL and Redis (up to 30 s)"
for _ in $(seq 1 30); do
  if pg_up && redis_up; then
    ensure_pg_trust
    log "ready: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379"
    exit 0
  fi
  sleep 1
done

pg_up || echo "[ensure-services] PostgreSQL not answering on 127.0.0.1:5432" >&2
redis_up || echo "[ensure-services] Redis not answering on 127.0.0.1:6379" >&2
exit 1
