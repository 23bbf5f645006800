# Shared by the bench scripts (sourced): the server's lifecycle, section headings, tools from Debian and the
# machine's facts. The caller sets SERVER_PID when it starts a server.
SERVER_PID=""

# Stops the server started by the script, within 10 s, then for sure.
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "The server did not stop within 10 s; killing it."
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

section() { printf '\n== %s ==\n' "$1"; }

# Installs the named commands from Debian when any is missing (wrk, hyperfine).
need_tools() {
  local missing=""
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=" $tool"; done
  [ -z "$missing" ] && return 0
  echo "Installing from Debian:$missing"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq $missing >/dev/null 2>&1 || { $sudo apt-get update -qq && $sudo apt-get install -y -qq $missing >/dev/null; }
}

# What the numbers were measured on; the paths say which uncommitted changes would matter.
machine_facts() {
  section "Machine"
  echo "date:    $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- "$@" 2>/dev/null || echo " (+ uncommitted changes in $*)")"
  echo "cpu:     $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "os:      $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo ".NET:    SDK $(dotnet --version)"
}
