#!/usr/bin/env bash
# Provision and run a local single-node OpenSearch for development and tests.
#
#   scripts/opensearch.sh start|stop|status
#
# The distribution comes from Maven Central (integ-test-zip: no security plugin),
# is cached under .cache/opensearch/ and runs bound to 127.0.0.1. As root, the
# node runs as the unprivileged system user "opensearch" (OpenSearch refuses root).
# If OPENSEARCH_URL is set to a cluster that is not the local one, nothing is done.
set -euo pipefail

# Pinned to 2.19.1: the k-NN plugin must match the node's exact version, and the
# newest 2.x build of opensearch-knn served on Maven Central is 2.19.1.0 (the 3.x
# line needs Java 21). README "Changes to the chosen stack" says what that costs.
OPENSEARCH_VERSION="${OPENSEARCH_VERSION:-2.19.1}"
KNN_VERSION="${KNN_VERSION:-$OPENSEARCH_VERSION.0}"
# lang-painless' runtime jars, as its POM (org.opensearch.plugin:lang-painless) lists them.
PAINLESS_DEPS="org.antlr:antlr4-runtime:4.13.1 org.ow2.asm:asm:9.7 org.ow2.asm:asm-util:9.7
  org.ow2.asm:asm-tree:9.7 org.ow2.asm:asm-commons:9.7 org.ow2.asm:asm-analysis:9.7
  org.opensearch.plugin:opensearch-scripting-painless-spi:$OPENSEARCH_VERSION"
OPENSEARCH_PORT="${OPENSEARCH_PORT:-9200}"
OPENSEARCH_HEAP="${OPENSEARCH_HEAP:-512m}"
OPENSEARCH_START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
OPENSEARCH_USER="${OPENSEARCH_USER:-opensearch}"

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache_dir="${OPENSEARCH_CACHE_DIR:-$repo_dir/.cache/opensearch}"
dist_zip="$cache_dir/opensearch-$OPENSEARCH_VERSION.zip"
# The integ-test distribution ships no analysis module; stemmers, ASCII folding,
# synonyms and edge n-grams live in analysis-common, also published on Maven Central.
analysis_jar="$cache_dir/analysis-common-$OPENSEARCH_VERSION.jar"
# Vector search (knn_vector fields, k-NN queries) is the opensearch-knn plugin; it
# extends lang-painless, which the integ-test zip lacks too, so that module is
# assembled from its Maven Central jars. The zip carries no faiss/nmslib native
# libraries: indices use the Lucene engine.
knn_zip="$cache_dir/opensearch-knn-$KNN_VERSION.zip"
painless_dir="$cache_dir/lang-painless-$OPENSEARCH_VERSION"
# One node directory per port, so a second node (tests) never touches the first.
node_dir="$cache_dir/node-$OPENSEARCH_VERSION-$OPENSEARCH_PORT"
pid_file="$node_dir/opensearch.pid"
log_file="$node_dir/logs/stdout.log"
local_url="http://127.0.0.1:$OPENSEARCH_PORT"

say() { printf 'opensearch: %s\n' "$*"; }
die() { printf 'opensearch: error: %s\n' "$*" >&2; exit 1; }

external_cluster() {
  [ -n "${OPENSEARCH_URL:-}" ] || return 1
  case "$OPENSEARCH_URL" in
    "$local_url"|"$local_url/"|"http://localhost:$OPENSEARCH_PORT"|"http://localhost:$OPENSEARCH_PORT/") return 1 ;;
  esac
  return 0
}

health() { curl -fsS --max-time 2 "$local_url/_cluster/health" 2>/dev/null || true; }

is_healthy() {
  local body
  body="$(health)"
  [[ "$body" == *'"status":"green"'* || "$body" == *'"status":"yellow"'* ]]
}

running_pid() {
  [ -f "$pid_file" ] || return 1
  local pid
  pid="$(cat "$pid_file" 2>/dev/null)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

require_tools() {
  command -v java >/dev/null || die "Java is missing. Install it with: apt-get install -y openjdk-17-jre-headless"
  command -v curl >/dev/null || die "curl is missing. Install it with: apt-get install -y curl"
  command -v unzip >/dev/null || die "unzip is missing. Install it with: apt-get install -y unzip"
  if [ ! -f "$dist_zip" ] || [ ! -f "$knn_zip" ] || [ ! -f "$painless_dir/.complete" ]; then
    command -v mvn >/dev/null || die "Maven is missing (needed once, to fetch OpenSearch). Install it with: apt-get install -y maven"
  fi
}

maven_copy() {
  local artifact="$1" into="${2:-$cache_dir}"
  mkdir -p "$into"
  say "fetching $artifact from Maven Central"
  if ! mvn -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$into" \
      >"$cache_dir/fetch.log" 2>&1; then
    cat "$cache_dir/fetch.log" >&2
    die "could not fetch $artifact with Maven"
  fi
}

fetch() {
  [ -f "$dist_zip" ] || maven_copy "org.opensearch.distribution.integ-test-zip:opensearch:$OPENSEARCH_VERSION:zip"
  [ -f "$analysis_jar" ] || maven_copy "org.opensearch.plugin:analysis-common:$OPENSEARCH_VERSION:jar"
  [ -f "$knn_zip" ] || maven_copy "org.opensearch.plugin:opensearch-knn:$KNN_VERSION:zip"
  if [ ! -f "$painless_dir/.complete" ]; then
    maven_copy "org.opensearch.plugin:lang-painless:$OPENSEARCH_VERSION:jar" "$painless_dir"
    local dep
    for dep in $PAINLESS_DEPS; do maven_copy "$dep:jar" "$painless_dir"; done
    touch "$painless_dir/.complete"
  fi
}

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id "$OPENSEARCH_USER" >/dev/null 2>&1 && return 0
  say "creating system user $OPENSEARCH_USER"
  useradd --system --no-create-home --shell /usr/sbin/nologin "$OPENSEARCH_USER"
}

unpack() {
  [ -x "$node_dir/bin/opensearch" ] && return 0
  local tmp="$cache_dir/unpack.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unzip -q "$dist_zip" -d "$tmp"
  rm -rf "$node_dir"
  mv "$tmp"/opensearch-* "$node_dir"
  rm -rf "$tmp"
}

install_modules() {
  install_analysis_module
  install_painless_module
  install_knn_plugin
}

install_analysis_module() {
  local module="$node_dir/modules/analysis-common"
  mkdir -p "$module"
  cp "$analysis_jar" "$module/"
  cat >"$module/plugin-descriptor.properties" <<PROPS
description=Adds "built in" analyzers to OpenSearch.
version=$OPENSEARCH_VERSION
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$OPENSEARCH_VERSION
extended.plugins=
has.native.controller=false
PROPS
}

install_painless_module() {
  local module="$node_dir/modules/lang-painless"
  [ -f "$module/plugin-descriptor.properties" ] && return 0
  mkdir -p "$module"
  cp "$painless_dir"/*.jar "$module/"
  cat >"$module/plugin-descriptor.properties" <<PROPS
description=An easy, safe and fast scripting language for OpenSearch
version=$OPENSEARCH_VERSION
name=lang-painless
classname=org.opensearch.painless.PainlessPlugin
java.version=11
opensearch.version=$OPENSEARCH_VERSION
extended.plugins=
has.native.controller=false
PROPS
  # The same grants the upstream module asks for: it generates classes at run time.
  cat >"$module/plugin-security.policy" <<'POLICY'
grant {
  permission java.lang.RuntimePermission "createClassLoader";
  permission java.lang.RuntimePermission "getClassLoader";
};
POLICY
}

install_knn_plugin() {
  local plugin="$node_dir/plugins/opensearch-knn"
  [ -f "$plugin/plugin-descriptor.properties" ] && return 0
  rm -rf "$plugin" && mkdir -p "$plugin"
  unzip -q "$knn_zip" -d "$plugin"
}

# One node alone, or (OPENSEARCH_CLUSTER_PORTS="9271,9272") one node of a local cluster
# whose first port is the initial cluster manager; OPENSEARCH_NODE_ROLES="data,ingest"
# makes a node that holds shards but never manages the cluster.
discovery_settings() {
  if [ -z "${OPENSEARCH_CLUSTER_PORTS:-}" ]; then
    echo "discovery.type: single-node"
    return
  fi
  local seeds="" port first=""
  for port in ${OPENSEARCH_CLUSTER_PORTS//,/ }; do
    seeds="$seeds${seeds:+, }127.0.0.1:$((port + 100))"
    first="${first:-$port}"
  done
  echo "discovery.seed_hosts: [$seeds]"
  echo "cluster.initial_cluster_manager_nodes: [repertorio-$first]"
  if [ -n "${OPENSEARCH_NODE_ROLES:-}" ]; then
    echo "node.roles: [${OPENSEARCH_NODE_ROLES}]"
  fi
}

configure() {
  mkdir -p "$node_dir/data" "$node_dir/logs"
  cat >"$node_dir/config/opensearch.yml" <<YAML
cluster.name: ${OPENSEARCH_CLUSTER_NAME:-repertorio-local}
node.name: repertorio-$OPENSEARCH_PORT
network.host: 127.0.0.1
http.port: $OPENSEARCH_PORT
transport.port: $((OPENSEARCH_PORT + 100))
$(discovery_settings)
path.data: $node_dir/data
path.logs: $node_dir/logs
# A developer's disk may be nearly full; a read-only index is worse than a warning.
cluster.routing.allocation.disk.threshold_enabled: false
action.auto_create_index: false
YAML
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$OPENSEARCH_USER" "$node_dir"
    # The user must be able to reach the node directory through its parents.
    local d="$node_dir"
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
  fi
}

java_home() {
  if [ -n "${JAVA_HOME:-}" ]; then echo "$JAVA_HOME"; return; fi
  dirname "$(dirname "$(readlink -f "$(command -v java)")")"
}

launch() {
  local cmd="OPENSEARCH_JAVA_HOME='$(java_home)' OPENSEARCH_JAVA_OPTS='-Xms$OPENSEARCH_HEAP -Xmx$OPENSEARCH_HEAP' exec '$node_dir/bin/opensearch' -d -p '$pid_file' >'$log_file' 2>&1"
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$OPENSEARCH_USER" -- bash -c "$cmd"
  else
    bash -c "$cmd"
  fi
}

wait_healthy() {
  local waited=0
  until is_healthy; do
    if [ "$waited" -ge 30 ] && ! running_pid >/dev/null; then
      say "the node exited during start-up; last log lines:" >&2
      tail -n 40 "$log_file" >&2 || true
      exit 1
    fi
    if [ "$waited" -ge "$OPENSEARCH_START_TIMEOUT" ]; then
      say "node did not become healthy within ${OPENSEARCH_START_TIMEOUT}s; last log lines:" >&2
      tail -n 40 "$node_dir/logs/repertorio-local.log" "$log_file" 2>/dev/null >&2 || true
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "ready at $local_url (OpenSearch $OPENSEARCH_VERSION, heap $OPENSEARCH_HEAP, ${waited}s)"
}

start() {
  if external_cluster; then
    say "OPENSEARCH_URL=$OPENSEARCH_URL points at an external cluster; nothing to provision"
    return 0
  fi
  if is_healthy; then
    say "already running at $local_url"
    return 0
  fi
  if running_pid >/dev/null; then
    say "starting (pid $(running_pid)); waiting"
    wait_healthy
    return 0
  fi
  require_tools
  fetch
  ensure_user
  unpack
  install_modules
  configure
  say "starting OpenSearch $OPENSEARCH_VERSION on $local_url"
  if ! launch; then
    say "the node failed to start; its output:" >&2
    tail -n 40 "$log_file" >&2 || true
    exit 1
  fi
  wait_healthy
}

stop() {
  if external_cluster; then
    say "external cluster; nothing to stop"
    return 0
  fi
  local pid
  if ! pid="$(running_pid)"; then
    say "not running"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; say "stopped"; return 0; }
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pid_file"
  say "killed after 60s"
}

status() {
  if external_cluster; then
    say "external cluster at $OPENSEARCH_URL"
    curl -fsS --max-time 2 "$OPENSEARCH_URL/_cluster/health" && echo || exit 1
    return 0
  fi
  if is_healthy; then
    say "running at $local_url (pid $(running_pid || echo unknown)): $(health)"
  elif running_pid >/dev/null; then
    say "process $(running_pid) alive but not healthy yet"
    exit 1
  else
    say "not running"
    exit 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
