# shellcheck shell=bash
# Local services for development and tests: installs tools (pnpm, apt packages, Chromium) and starts
# private MariaDB / Dovecot instances whose state lives under $ROOT/.local/. Sourced (bash only) by
# scripts/run, scripts/test and scripts/stop; safe under `set -euo pipefail`; every start is idempotent.
#
# Functions:
#   ensure_pnpm                      npm i -g pnpm@12 when pnpm is missing
#   ensure_apt_packages PKG...       apt-get install the missing ones (waits for the dpkg lock)
#   ensure_chromium                  Debian chromium; exports CHROMIUM_PATH
#   start_mariadb                    reuse 127.0.0.1:3306 (root, no password) or a private instance
#                                    on 127.0.0.1:13306; exports DB_HOST DB_PORT DB_USER DB_PASSWORD
#   start_dovecot                    private Dovecot; exports IMAP_HOST IMAP_PORT IMAPS_PORT LMTP_PORT
#   dovecot_ensure_user NAME PASS    add/update a mailbox user (and wait until it can log in)
#   dovecot_ensure_users N P [N P..] the same for several users at once (faster)
#   stop_services NAME...            stop the named private services (mariadb, dovecot)
#   stop_started_services            stop only what this shell started (names in SERVICES_STARTED)
#   write_services_env               write .local/services.env (`export X=...` lines)
#   start_background NAME LOG CMD... run CMD detached (own session), pid in .local/run/NAME.pid
#   stop_background NAME             stop that process and its descendants
#
# Environment knobs:
#   SELLERINBOX_FORCE_PRIVATE_DB=1   skip the reuse check of 127.0.0.1:3306 and always use the private
#                                    MariaDB (simulates a machine without MariaDB; used to test that path)
#   SELLERINBOX_PRIVATE_DB_PORT      port of the private MariaDB (default 13306)
#   SELLERINBOX_DPKG_LOCK_WAIT       seconds to wait for another apt/dpkg run (default 300)
#
# Bookkeeping: SERVICES_STARTED (global, space separated) gets a service's name only when the call
# really started it (not when it reused a running one).

SELLERINBOX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
: "${ROOT:=$SELLERINBOX_ROOT}"
SVC_LOCAL="$SELLERINBOX_ROOT/.local"
SERVICES_STARTED="${SERVICES_STARTED-}"

SVC_MAIL_UID=5000
SVC_MAIL_GID=5000
SVC_IMAP_PORT=10143
SVC_IMAPS_PORT=10993
SVC_LMTP_PORT=10024

# ---------------------------------------------------------------------------------------------------
# small helpers

_svc_say() { printf '%s\n' "$*" >&2; }
_svc_err() { printf 'ERROR %s\n' "$*" >&2; }

_svc_now_us() { local t=$EPOCHREALTIME; printf '%s' "${t//[.,]/}"; }
# elapsed time since a _svc_now_us stamp, like "1.2 s"
_svc_elapsed() {
  local d=$(($(_svc_now_us) - $1))
  printf '%d.%d s' $((d / 1000000)) $(((d / 100000) % 10))
}

_svc_hash() { printf '%s' "$SELLERINBOX_ROOT" | md5sum | cut -c1-10; }

# Folder for unix sockets: .local itself when its path is short, else /tmp/sellerinbox-<hash of ROOT>
# (unix socket paths are limited to 108 characters).
_svc_socket_dir() {
  if ((${#SVC_LOCAL} <= 60)); then
    printf '%s' "$SVC_LOCAL"
  else
    printf '/tmp/sellerinbox-%s' "$(_svc_hash)"
  fi
}

# alive and not a zombie (a stopped daemon may linger as a zombie for a while)
_svc_pid_alive() {
  local pid=${1-} stat state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ -n $stat ]] || return 1
  stat=${stat##*) }
  state=${stat%% *}
  [[ $state != Z && $state != X && $state != x ]]
}

_svc_read_pid() { local p; p=$(cat "$1" 2>/dev/null) || return 1; p=${p//[!0-9]/}; [[ -n $p ]] && printf '%s' "$p"; }

# does /proc/PID/cmdline contain STRING?
_svc_cmdline_has() {
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$2"* ]]
}

# wait until PID is gone (zombies count as gone); SECONDS_MAX default 30
_svc_wait_gone() {
  local pid=$1 max=${2:-30} i
  for ((i = 0; i < max * 10; i++)); do
    _svc_pid_alive "$pid" || return 0
    sleep 0.1
  done
  return 1
}

# TERM, wait, then KILL
_svc_kill_wait() {
  local pid=$1 max=${2:-20}
  _svc_pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  _svc_wait_gone "$pid" "$max" && return 0
  kill -KILL "$pid" 2>/dev/null || true
  _svc_wait_gone "$pid" 5
}

_svc_port_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# IMAP server greets "* OK"
_svc_imap_greets() {
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
    IFS= read -r -t 2 line <&3 || exit 1
    printf "a LOGOUT\r\n" >&3
    [[ $line == "* OK"* ]]' "$1" "$2" 2>/dev/null
}

_svc_append_started() {
  case " $SERVICES_STARTED " in *" $1 "*) ;; *) SERVICES_STARTED="${SERVICES_STARTED:+$SERVICES_STARTED }$1" ;; esac
}
_svc_remove_started() {
  local out='' s
  for s in $SERVICES_STARTED; do [[ $s == "$1" ]] || out="${out:+$out }$s"; done
  SERVICES_STARTED=$out
}

# _svc_locked NAME FUNC ARGS... — runs FUNC in this shell while holding .local/locks/NAME.lock, so that
# two scripts starting the same service at once do not race. Daemons started inside FUNC must close
# the lock fd ({_SVC_LOCK_FD}>&-) or they would hold the lock forever.
_SVC_LOCK_FD=''
_svc_locked() {
  local name=$1 fd rc=0
  shift
  mkdir -p "$SVC_LOCAL/locks"
  exec {fd}>>"$SVC_LOCAL/locks/$name.lock"
  if ! flock -w 300 "$fd"; then
    exec {fd}>&-
    _svc_err "$name: could not get $SVC_LOCAL/locks/$name.lock within 300 s"
    return 1
  fi
  local prev=$_SVC_LOCK_FD
  _SVC_LOCK_FD=$fd
  "$@" || rc=$?
  _SVC_LOCK_FD=$prev
  exec {fd}>&-
  return "$rc"
}

# run a command without the lock fd (used for daemons)
_svc_nolock() {
  if [[ -n $_SVC_LOCK_FD ]]; then
    "$@" {_SVC_LOCK_FD}>&-
  else
    "$@"
  fi
}

_svc_as_root() {
  if ((EUID == 0)); then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    _svc_err "needs root for: $*"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------------
# tools

ensure_pnpm() {
  command -v pnpm >/dev/null 2>&1 && return 0
  local t0 log="$SVC_LOCAL/log/npm-pnpm.log"
  t0=$(_svc_now_us)
  mkdir -p "$SVC_LOCAL/log"
  if npm i -g pnpm@12 --silent --no-fund --no-audit >"$log" 2>&1; then
    hash -r
    _svc_say "pnpm: installed $(pnpm --version 2>/dev/null) ($(_svc_elapsed "$t0"))"
  else
    _svc_err "pnpm: npm i -g pnpm@12 failed, see $log"
    return 1
  fi
}

_svc_pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# Is one of apt's/dpkg's lock files held (fcntl lock listed in /proc/locks)?
_svc_dpkg_locked() {
  local f dev ino major minor key
  for f in /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock; do
    [[ -e $f ]] || continue
    read -r dev ino < <(stat -c '%d %i' "$f") || continue
    major=$(((dev >> 8) & 0xfff | ((dev >> 32) & ~0xfff)))
    minor=$(((dev & 0xff) | ((dev >> 12) & ~0xff)))
    key=$(printf '%02x:%02x:%d' "$major" "$minor" "$ino")
    grep -q " $key " /proc/locks 2>/dev/null && return 0
  done
  return 1
}

_svc_wait_dpkg_lock() {
  local max=${SELLERINBOX_DPKG_LOCK_WAIT:-300} waited=0
  while _svc_dpkg_locked; do
    ((waited == 0)) && _svc_say "apt: another apt/dpkg run holds the lock, waiting (up to ${max} s)"
    if ((waited >= max)); then
      _svc_err "apt: the dpkg lock is still held after ${max} s"
      return 1
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

_svc_apt() {
  local max=${SELLERINBOX_DPKG_LOCK_WAIT:-300}
  _svc_wait_dpkg_lock || return 1
  _svc_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout="$max" "$@"
}

ensure_apt_packages() {
  local p missing=() t0 log="$SVC_LOCAL/log/apt.log"
  for p in "$@"; do _svc_pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]} > 0)) || return 0
  mkdir -p "$SVC_LOCAL/log"
  t0=$(_svc_now_us)
  _svc_say "apt: installing ${missing[*]}"
  if ! _svc_apt install -y -qq "${missing[@]}" >>"$log" 2>&1; then
    # a fresh machine has no package lists yet
    if ! _svc_apt update -qq >>"$log" 2>&1 ||
      ! _svc_apt install -y -qq "${missing[@]}" >>"$log" 2>&1; then
      _svc_err "apt: installing ${missing[*]} failed, see $log"
      return 1
    fi
  fi
  _svc_say "apt: installed ${missing[*]} ($(_svc_elapsed "$t0"))"
}

ensure_chromium() {
  if [[ ! -x /usr/bin/chromium ]]; then
    ensure_apt_packages chromium || return 1
  fi
  export CHROMIUM_PATH=/usr/bin/chromium
}

# ---------------------------------------------------------------------------------------------------
# MariaDB

_svc_db_dir() { printf '%s' "$SVC_LOCAL/mariadb"; }
_svc_db_run_dir() {
  local s
  s=$(_svc_socket_dir)
  if [[ $s == "$SVC_LOCAL" ]]; then printf '%s' "$SVC_LOCAL/mariadb/run"; else printf '%s' "$s/mariadb"; fi
}
_svc_db_socket() { printf '%s' "$(_svc_db_run_dir)/mariadb.sock"; }
_svc_db_pidfile() { printf '%s' "$(_svc_db_run_dir)/mariadb.pid"; }
_svc_db_port() { printf '%s' "${SELLERINBOX_PRIVATE_DB_PORT:-13306}"; }

# pid of our private mariadbd when it runs (checked against its datadir, never the machine's own)
_svc_db_private_pid() {
  local pid
  pid=$(_svc_read_pid "$(_svc_db_pidfile)") || return 1
  _svc_pid_alive "$pid" || return 1
  _svc_cmdline_has "$pid" "--datadir=$(_svc_db_dir)/data" || return 1
  printf '%s' "$pid"
}

# root can log in over TCP with an empty password
_svc_db_tcp_login() {
  mariadb --no-defaults --protocol=TCP -h127.0.0.1 -P"$1" -uroot --connect-timeout=3 -N -e 'SELECT 1' >/dev/null 2>&1
}

_svc_db_export() {
  export DB_HOST=127.0.0.1 DB_PORT=$1 DB_USER=root DB_PASSWORD=''
}

start_mariadb() { _svc_locked mariadb _svc_start_mariadb; }

_svc_start_mariadb() {
  local port t0 pid dir data run sock pidfile log i runas=mysql
  # 1. a MariaDB of the machine on 3306 (SELLERINBOX_FORCE_PRIVATE_DB=1 skips this, to simulate a
  #    machine without one)
  if [[ ${SELLERINBOX_FORCE_PRIVATE_DB-} != 1 ]] && _svc_port_open 127.0.0.1 3306; then
    command -v mariadb >/dev/null 2>&1 || ensure_apt_packages mariadb-client || return 1
    if _svc_db_tcp_login 3306; then
      _svc_db_export 3306
      _svc_say "mariadb: reusing 127.0.0.1:3306"
      return 0
    fi
    _svc_say "mariadb: 127.0.0.1:3306 answers but root cannot log in without a password; using a private instance"
  fi

  # 2. our private instance
  port=$(_svc_db_port)
  dir=$(_svc_db_dir)
  data=$dir/data
  run=$(_svc_db_run_dir)
  sock=$(_svc_db_socket)
  pidfile=$(_svc_db_pidfile)
  log=$dir/log/error.log
  if pid=$(_svc_db_private_pid); then
    for ((i = 0; i < 50; i++)); do # it may still be starting or recovering
      if mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; then
        _svc_db_export "$port"
        _svc_say "mariadb: reusing private instance on 127.0.0.1:$port (pid $pid)"
        return 0
      fi
      sleep 0.1
    done
    _svc_say "mariadb: private instance (pid $pid) does not answer; restarting it"
    _svc_kill_wait "$pid" 30 || { _svc_err "mariadb: pid $pid does not stop"; return 1; }
  fi
  if _svc_port_open 127.0.0.1 "$port"; then
    _svc_err "mariadb: port $port is taken by another process (not our instance in $dir); set SELLERINBOX_PRIVATE_DB_PORT"
    return 1
  fi

  t0=$(_svc_now_us)
  ensure_apt_packages mariadb-server || return 1
  mkdir -p "$dir/log" "$run"
  # mariadbd drops to user mysql; if mysql cannot reach the folder (e.g. a checkout under /root),
  # run it as root instead (a private development instance)
  if ! id mysql >/dev/null 2>&1 || ! runuser -u mysql -- test -x "$dir" 2>/dev/null; then runas=root; fi
  chown "$runas:" "$dir" "$dir/log" "$run"

  if [[ ! -d $data/mysql ]]; then
    # initialise into a temporary folder so an interrupted run never leaves a half-made datadir
    rm -rf "$data.init" "$data"
    mkdir -p "$data.init"
    chown "$runas:" "$data.init"
    if ! mariadb-install-db --no-defaults --user="$runas" --datadir="$data.init" \
      --auth-root-authentication-method=normal --skip-test-db >"$dir/log/install.log" 2>&1; then
      _svc_err "mariadb: mariadb-install-db failed, see $dir/log/install.log"
      return 1
    fi
    mv "$data.init" "$data"
  fi

  rm -f "$sock" "$pidfile"
  # innodb_flush_log_at_trx_commit=2: a development/test instance, speed over durability
  # (started straight from this shell, not via a function, so that $! is mariadbd itself; the lock fd
  # is closed in the child)
  setsid /usr/sbin/mariadbd --no-defaults --user="$runas" --datadir="$data" \
    --socket="$sock" --pid-file="$pidfile" --port="$port" --bind-address=127.0.0.1 \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --log-error="$log" --max-connections=500 --innodb-flush-log-at-trx-commit=2 \
    </dev/null >>"$dir/log/stdout.log" 2>&1 {_SVC_LOCK_FD}>&- &
  local bgpid=$!
  disown "$bgpid" 2>/dev/null || true
  for ((i = 0; i < 200; i++)); do
    mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 && break
    if ! _svc_pid_alive "$bgpid"; then
      _svc_err "mariadb: mariadbd exited while starting, see $log"
      return 1
    fi
    sleep 0.1
  done
  if ((i >= 200)); then
    _svc_err "mariadb: no answer on $sock after 20 s, see $log"
    return 1
  fi

  # With --skip-name-resolve a TCP client from 127.0.0.1 matches only 'root'@'127.0.0.1'
  # (not 'root'@'localhost'); make sure that account exists with an empty password.
  if ! _svc_db_tcp_login "$port"; then
    mariadb --no-defaults --socket="$sock" -uroot -e "
      CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
      FLUSH PRIVILEGES;" >>"$dir/log/install.log" 2>&1 || true
    if ! _svc_db_tcp_login "$port"; then
      _svc_err "mariadb: root cannot log in over TCP on 127.0.0.1:$port, see $dir/log/install.log and $log"
      return 1
    fi
  fi
  _svc_db_export "$port"
  _svc_append_started mariadb
  _svc_say "mariadb: started private instance on 127.0.0.1:$port ($(_svc_elapsed "$t0"))"
}

_svc_stop_mariadb() {
  local pid sock
  pid=$(_svc_db_private_pid) || return 0 # nothing of ours runs (a MariaDB on 3306 is never touched)
  sock=$(_svc_db_socket)
  mariadb-admin --no-defaults --socket="$sock" -uroot shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
  if ! _svc_wait_gone "$pid" 30; then
    kill -KILL "$pid" 2>/dev/null || true
    _svc_wait_gone "$pid" 5 || { _svc_err "mariadb: pid $pid does not stop"; return 1; }
  fi
  rm -f "$(_svc_db_pidfile)"
  _svc_say "mariadb: stopped private instance (pid $pid)"
}

# ---------------------------------------------------------------------------------------------------
# Dovecot

_svc_dc_dir() { printf '%s' "$SVC_LOCAL/dovecot"; }
_svc_dc_base_dir() {
  local s
  s=$(_svc_socket_dir)
  if [[ $s == "$SVC_LOCAL" ]]; then printf '%s' "$SVC_LOCAL/dovecot/run"; else printf '%s' "$s/dovecot"; fi
}

_svc_dc_master_pid() {
  local pid
  pid=$(_svc_read_pid "$(_svc_dc_base_dir)/master.pid") || return 1
  _svc_pid_alive "$pid" || return 1
  _svc_cmdline_has "$pid" "dovecot" || return 1
  printf '%s' "$pid"
}

_svc_dc_export() {
  export IMAP_HOST=127.0.0.1 IMAP_PORT=$SVC_IMAP_PORT IMAPS_PORT=$SVC_IMAPS_PORT LMTP_PORT=$SVC_LMTP_PORT
}

_svc_dc_render_config() {
  local dir=$1 base=$2 tmpl="$SELLERINBOX_ROOT/scripts/services/dovecot.conf.template"
  sed -e "s|@DIR@|$dir|g" -e "s|@BASE_DIR@|$base|g" -e "s|@HASH@|$(_svc_hash)|g" \
    -e "s|@IMAP_PORT@|$SVC_IMAP_PORT|g" -e "s|@IMAPS_PORT@|$SVC_IMAPS_PORT|g" \
    -e "s|@LMTP_PORT@|$SVC_LMTP_PORT|g" -e "s|@MAIL_UID@|$SVC_MAIL_UID|g" \
    -e "s|@MAIL_GID@|$SVC_MAIL_GID|g" "$tmpl" >"$dir/dovecot.conf.tmp" &&
    mv "$dir/dovecot.conf.tmp" "$dir/dovecot.conf"
}

start_dovecot() { _svc_locked dovecot _svc_start_dovecot; }

_svc_start_dovecot() {
  local dir base pid t0 i log
  dir=$(_svc_dc_dir)
  base=$(_svc_dc_base_dir)
  log=$dir/log/dovecot.log
  if pid=$(_svc_dc_master_pid) && _svc_imap_greets 127.0.0.1 "$SVC_IMAP_PORT"; then
    _svc_dc_export
    _svc_say "dovecot: reusing private instance on 127.0.0.1:$SVC_IMAP_PORT (pid $pid)"
    return 0
  fi
  if [[ -n ${pid-} ]]; then
    _svc_say "dovecot: pid $pid runs but IMAP does not answer; restarting it"
    _svc_kill_wait "$pid" 10 || true
  fi
  for i in "$SVC_IMAP_PORT" "$SVC_IMAPS_PORT" "$SVC_LMTP_PORT"; do
    if _svc_port_open 127.0.0.1 "$i"; then
      _svc_err "dovecot: port $i is taken by another process (not our instance in $dir)"
      return 1
    fi
  done

  t0=$(_svc_now_us)
  ensure_apt_packages dovecot-imapd dovecot-lmtpd || return 1
  mkdir -p "$dir/state" "$dir/log" "$dir/mail" "$dir/ssl" "$base"
  chmod 755 "$dir" "$base"
  chown "$SVC_MAIL_UID:$SVC_MAIL_GID" "$dir/mail"
  if [[ ! -s $dir/ssl/cert.pem || ! -s $dir/ssl/key.pem ]]; then
    if ! openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj '/CN=localhost' \
      -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' \
      -keyout "$dir/ssl/key.pem" -out "$dir/ssl/cert.pem" >"$dir/log/openssl.log" 2>&1; then
      _svc_err "dovecot: creating the self-signed certificate failed, see $dir/log/openssl.log"
      return 1
    fi
    chmod 600 "$dir/ssl/key.pem"
  fi
  [[ -e $dir/users ]] || : >"$dir/users"
  _svc_dc_users_perms "$dir/users"
  _svc_dc_render_config "$dir" "$base" || { _svc_err "dovecot: cannot write $dir/dovecot.conf"; return 1; }

  rm -f "$base/master.pid"
  if ! _svc_nolock /usr/sbin/dovecot -c "$dir/dovecot.conf" >"$dir/log/start.log" 2>&1; then
    _svc_err "dovecot: failed to start, see $dir/log/start.log and $log"
    return 1
  fi
  for ((i = 0; i < 100; i++)); do
    _svc_imap_greets 127.0.0.1 "$SVC_IMAP_PORT" && break
    sleep 0.1
  done
  if ((i >= 100)); then
    _svc_err "dovecot: IMAP on 127.0.0.1:$SVC_IMAP_PORT does not greet after 10 s, see $log"
    return 1
  fi
  _svc_dc_export
  _svc_append_started dovecot
  _svc_say "dovecot: started private instance on 127.0.0.1:$SVC_IMAP_PORT (imaps $SVC_IMAPS_PORT, lmtp $SVC_LMTP_PORT) ($(_svc_elapsed "$t0"))"
}

# plain passwords: readable by root and dovecot's auth process only
_svc_dc_users_perms() {
  if getent group dovecot >/dev/null 2>&1; then
    chgrp dovecot "$1" && chmod 640 "$1"
  else
    chmod 644 "$1"
  fi
}

_svc_stop_dovecot() {
  local pid
  pid=$(_svc_dc_master_pid) || return 0
  _svc_cmdline_has "$pid" "$(_svc_dc_dir)/dovecot.conf" || {
    _svc_err "dovecot: pid $pid in $(_svc_dc_base_dir)/master.pid is not our instance; left alone"
    return 1
  }
  if ! _svc_kill_wait "$pid" 20; then
    _svc_err "dovecot: pid $pid does not stop"
    return 1
  fi
  rm -f "$(_svc_dc_base_dir)/master.pid"
  _svc_say "dovecot: stopped private instance (pid $pid)"
}

# dovecot_ensure_user NAME PASSWORD — adds or updates NAME in the passwd-file and creates its mail
# home (uid/gid 5000). NAME is stored lower-case without a domain, as auth_username_format=%Ln turns
# "Box1@localhost" into "box1". When Dovecot runs, waits until NAME can log in with PASSWORD.
# Dovecot notices a changed passwd-file only once per second, so adding users one by one in a quick
# loop costs up to ~1 s each: use dovecot_ensure_users NAME PASS [NAME PASS...] for several at once.
dovecot_ensure_user() {
  if (($# != 2)); then
    _svc_err "usage: dovecot_ensure_user NAME PASSWORD"
    return 2
  fi
  dovecot_ensure_users "$@"
}

dovecot_ensure_users() {
  if (($# == 0 || $# % 2 != 0)); then
    _svc_err "usage: dovecot_ensure_users NAME PASSWORD [NAME PASSWORD...]"
    return 2
  fi
  local args=() name
  while (($# > 0)); do
    name=${1,,}
    name=${name%%@*}
    if [[ ! $name =~ ^[a-z0-9._+-]+$ ]]; then
      _svc_err "dovecot_ensure_user: name '$1' must be letters, digits, . _ + - only"
      return 2
    fi
    if [[ -z $2 || $2 == *:* || $2 == *$'\n'* || $2 == *$'\r'* ]]; then
      _svc_err "dovecot_ensure_user: the password of '$1' is empty or contains ':' or a line break (passwd-file format)"
      return 2
    fi
    args+=("$name" "$2")
    shift 2
  done
  _svc_locked dovecot-users _svc_dc_ensure_users "${args[@]}"
}

_svc_dc_ensure_users() {
  local dir users old_mtime new_mtime now written_at i name pass changed=0 tmp
  dir=$(_svc_dc_dir)
  users=$dir/users
  mkdir -p "$dir/mail"
  [[ -e $users ]] || : >"$users"
  tmp=$users.tmp
  cp "$users" "$tmp"
  for ((i = 1; i <= $#; i += 2)); do
    name=${!i}
    pass=${*:i+1:1}
    if ! grep -qxF -- "$name:{PLAIN}$pass::::::" "$tmp"; then
      awk -F: -v n="$name" '$1 != n' "$tmp" >"$tmp.2"
      printf '%s:{PLAIN}%s::::::\n' "$name" "$pass" >>"$tmp.2"
      mv "$tmp.2" "$tmp"
      changed=1
    fi
    mkdir -p "$dir/mail/$name"
    chown "$SVC_MAIL_UID:$SVC_MAIL_GID" "$dir/mail" "$dir/mail/$name"
    chmod 700 "$dir/mail/$name"
  done
  written_at=$(_svc_now_us)
  if ((changed)); then
    # Dovecot re-reads the passwd-file when its mtime (seconds) or size changes: make sure the
    # mtime moves even for a same-length update within the same second.
    old_mtime=$(stat -c %Y "$users")
    now=$(date +%s)
    new_mtime=$((now > old_mtime ? now : old_mtime + 1))
    touch -d "@$new_mtime" "$tmp"
    _svc_dc_users_perms "$tmp"
    mv "$tmp" "$users"
  else
    rm -f "$tmp"
  fi

  _svc_dc_master_pid >/dev/null || return 0 # not running: it reads the file when it starts
  for ((i = 1; i <= $#; i += 2)); do
    name=${!i}
    pass=${*:i+1:1}
    if ! _svc_dc_wait_login "$name" "$pass" "$written_at"; then
      _svc_err "dovecot: user $name cannot log in after being added, see $dir/log/dovecot.log"
      return 1
    fi
  done
}

# Dovecot checks the passwd-file for changes at most once per second, so a change made in the second
# of its last check shows up only in the next second. A failed login costs ~0.5 s, so first poll
# the userdb (free when the user is unknown), then test the password; on failure wait for the next
# second boundary after the write and test again.
_svc_dc_wait_login() {
  local name=$1 pass=$2 written_at=$3 conf i wait_us
  conf="$(_svc_dc_dir)/dovecot.conf"
  for ((i = 0; i < 40; i++)); do
    doveadm -c "$conf" user -f uid "$name" >/dev/null 2>&1 && break
    sleep 0.05
  done
  for ((i = 0; i < 4; i++)); do
    doveadm -c "$conf" auth test "$name" "$pass" >/dev/null 2>&1 && return 0
    wait_us=$(((written_at / 1000000 + 1) * 1000000 + 20000 - $(_svc_now_us)))
    if ((wait_us > 0)); then sleep "$((wait_us / 1000000)).$(printf '%06d' $((wait_us % 1000000)))"; else sleep 0.2; fi
  done
  return 1
}

# ---------------------------------------------------------------------------------------------------
# stopping, background processes, env file

stop_services() {
  local name rc=0
  for name in "$@"; do
    case $name in
      mariadb) _svc_locked mariadb _svc_stop_mariadb || rc=1 ;;
      dovecot) _svc_locked dovecot _svc_stop_dovecot || rc=1 ;;
      *)
        _svc_err "stop_services: unknown service '$name'"
        rc=1
        continue
        ;;
    esac
    _svc_remove_started "$name"
  done
  return "$rc"
}

# stop only what this shell started (e.g. in a test script's EXIT trap)
stop_started_services() {
  # shellcheck disable=SC2086
  [[ -z $SERVICES_STARTED ]] || stop_services $SERVICES_STARTED
}

# start_background NAME LOGFILE CMD... — starts CMD in its own session (so it and its children can be
# stopped as a group), output to LOGFILE, pid in .local/run/NAME.pid. Prints nothing; sets BG_PID.
start_background() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$SVC_LOCAL/run" "$(dirname "$log")"
  setsid "$@" </dev/null >>"$log" 2>&1 &
  BG_PID=$!
  disown "$BG_PID" 2>/dev/null || true
  printf '%s\n' "$BG_PID" >"$SVC_LOCAL/run/$name.pid"
}

# all descendants of PID (children first-level before grandchildren)
_svc_descendants() {
  local kids k
  kids=$(ps -o pid= --ppid "$1" 2>/dev/null) || return 0
  for k in $kids; do
    printf '%s\n' "$k"
    _svc_descendants "$k"
  done
}

# stop_background NAME — stops the process in .local/run/NAME.pid, its process group and descendants
# (TERM, then KILL after 10 s); removes the pid file. Prints what it stopped.
stop_background() {
  local name=$1 pidfile="$SVC_LOCAL/run/$1.pid" pid pids p left i
  pid=$(_svc_read_pid "$pidfile") || { rm -f "$pidfile"; return 0; }
  if ! _svc_pid_alive "$pid"; then
    rm -f "$pidfile"
    return 0
  fi
  pids="$pid $(_svc_descendants "$pid" | tr '\n' ' ')"
  # a session leader started by start_background: signal the whole group
  if [[ $(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') == "$pid" ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
  fi
  for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    left=''
    for p in $pids; do _svc_pid_alive "$p" && left="$left $p"; done
    [[ -z $left ]] && break
    sleep 0.1
  done
  if [[ -n $left ]]; then
    for p in $left; do kill -KILL "$p" 2>/dev/null || true; done
    for p in $left; do _svc_wait_gone "$p" 5 || true; done
  fi
  rm -f "$pidfile"
  _svc_say "$name: stopped (pid $pid)"
}

# write_services_env — .local/services.env with the variables the start functions exported
write_services_env() {
  local f="$SVC_LOCAL/services.env" v
  mkdir -p "$SVC_LOCAL"
  {
    printf '# written by scripts/lib/services.sh (write_services_env); source it to reach the local services\n'
    for v in DB_HOST DB_PORT DB_USER DB_PASSWORD IMAP_HOST IMAP_PORT IMAPS_PORT LMTP_PORT CHROMIUM_PATH; do
      if [[ -n ${!v+x} ]]; then printf 'export %s=%q\n' "$v" "${!v}"; fi
    done
  } >"$f.tmp" && mv "$f.tmp" "$f"
}
