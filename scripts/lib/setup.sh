# shellcheck shell=bash
# Shared first half of `scripts/run` and `scripts/test`: tools, packages, local services, server
# configuration and the database schema. Idempotent; all state under .local/.
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"

LOCAL="$SELLERINBOX_ROOT/.local"
DEMO_IMAP_USER=demo
DEMO_IMAP_PASSWORD=demo-mailbox-password

step() { printf '\n\033[1m▸ %s\033[0m\n' "$*" >&2; }

install_packages() {
  step "packages"
  ensure_pnpm
  (cd "$SELLERINBOX_ROOT" && pnpm install --frozen-lockfile --reporter=silent)
}

start_local_services() {
  step "local services"
  start_mariadb
  start_dovecot
  dovecot_ensure_user "$DEMO_IMAP_USER" "$DEMO_IMAP_PASSWORD"
  write_services_env
}

# Secrets are generated once per checkout and kept in .local/secrets.env (never committed).
ensure_local_secrets() {
  local file="$LOCAL/secrets.env"
  if [[ ! -s $file ]]; then
    mkdir -p "$LOCAL"
    umask 077
    {
      printf 'export JWT_SECRET=%s\n' "$(openssl rand -hex 32)"
      printf 'export SECRETS_KEY=%s\n' "$(openssl rand -base64 32)"
    } >"$file"
  fi
  # shellcheck disable=SC1090
  source "$file"
}

# Writes .local/server.env: the configuration the local server runs with (see .env.example).
write_server_env() {
  local port=${PORT:-3000} standin_port=${WECHAT_STANDIN_PORT:-9901}
  ensure_local_secrets
  cat >"$LOCAL/server.env" <<ENV
export ROLES=web,worker
export HOST=${HOST:-127.0.0.1}
export PORT=$port
export LOG_LEVEL=${LOG_LEVEL:-info}
export DATABASE_URL=mysql://$DB_USER${DB_PASSWORD:+:$DB_PASSWORD}@$DB_HOST:$DB_PORT/sellerinbox
export JWT_SECRET=$JWT_SECRET
export SECRETS_KEY=$SECRETS_KEY
export WECHAT_APPID=wxdemo0000000000
export WECHAT_SECRET=demo-wechat-secret
export WECHAT_API_BASE=http://127.0.0.1:$standin_port
export WECHAT_STANDIN_PORT=$standin_port
export INBOUND_DOMAIN=inbox.sellerinbox.test
export STORAGE_DIR=$LOCAL/storage
export DEMO_MODE=true
export NOTIFY_TEMPLATE_NEW_MESSAGE=demo-tmpl-new-message
export NOTIFY_TEMPLATE_NEW_MESSAGE_FIELDS=title=thing1,store=thing2,time=time3,detail=thing4
export NOTIFY_TEMPLATE_SLA=demo-tmpl-reply-due
export NOTIFY_TEMPLATE_SLA_FIELDS=title=thing1,store=thing2,deadline=time3,detail=thing4
export WECHAT_STANDIN_USERS=demo-main-openid,demo-sub-openid
export WECHAT_STANDIN_DEFAULT_BALANCE=50
export DEMO_IMAP_HOST=$IMAP_HOST
export DEMO_IMAP_PORT=$IMAP_PORT
export DEMO_IMAP_USER=$DEMO_IMAP_USER
export DEMO_IMAP_PASSWORD=$DEMO_IMAP_PASSWORD
ENV
  chmod 600 "$LOCAL/server.env"
}

migrate_database() {
  step "database schema"
  (cd "$SELLERINBOX_ROOT" && source "$LOCAL/server.env" && pnpm --silent migrate latest)
}

# Rebuilds a miniapp target only when its sources changed since the last successful build.
build_miniapp() {
  local target=$1 stamp="$LOCAL/build-$1.stamp" digest
  digest=$(cd "$SELLERINBOX_ROOT" && find miniapp/src miniapp/config miniapp/package.json miniapp/babel.config.js shared/src -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40)
  if [[ -f $stamp && $(cat "$stamp") == "$digest" && -d $SELLERINBOX_ROOT/miniapp/dist/$target ]]; then
    printf 'miniapp %s: up to date\n' "$target" >&2
    return 0
  fi
  step "build miniapp ($target)"
  (cd "$SELLERINBOX_ROOT" && pnpm --silent "build:$target")
  printf '%s' "$digest" >"$stamp"
}
