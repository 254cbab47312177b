# shellcheck shell=bash disable=SC2034  # the PG_* variables are read by the sourcing scripts
# Helpers to find PostgreSQL server binaries and to run a private cluster.
# Source this file from bash (run.sh, test.sh); it only defines functions and PG_* variables.
#
#   pg_find_bindir                      sets PG_BINDIR (initdb, pg_ctl, ...) and prints it;
#                                       installs the Debian package `postgresql` when nothing is found
#   pg_free_port [first]                prints a free TCP port on 127.0.0.1 (probing from `first`)
#   pg_port_is_free <port>              true when nothing holds the port on 127.0.0.1
#   pg_start_cluster <datadir> <port> [durable|throwaway]
#                                       initdb if needed, start (or reuse a running cluster);
#                                       sets PG_DATADIR, PG_PORT, PG_STARTED (1 = started here)
#                                       and prints the port. durable (the default, ./run.sh):
#                                       fsync, synchronous_commit and full_page_writes on, so an
#                                       acknowledged write survives a crash. throwaway (test
#                                       clusters): all three off and max_connections=200, for speed
#                                       on data nobody keeps
#   pg_cluster_running <datadir>        true when a postmaster runs in that datadir
#   pg_stop_cluster <datadir>           pg_ctl -m fast stop (no-op when not running)
#   pg_discard_cluster <datadir>        stop it and remove its data directory (also where
#                                       pg_resolve_datadir moved it, /var/tmp/coopapi-<hash>)
#   pg_create_database <port> <name>    CREATE DATABASE unless it exists
#   pg_create_app_database <port> <name> <role>
#                                       the role (LOGIN, not a superuser) and its own database;
#                                       an existing database and its objects are handed to it
#   pg_setting <port> <name>            prints a server setting (SHOW <name>)
#   pg_apt_install <package>...         apt-get install as root or through `sudo -n`
#                                       (runs `apt-get update` at most once per shell)
#
# Messages go to stderr; stdout carries only the values the functions print.
# When the caller is root, everything that touches a data directory runs as the `postgres`
# user (initdb and postgres refuse to run as root).

PG_BINDIR="${PG_BINDIR:-}"
PG_DATADIR=""
PG_PORT=""
PG_STARTED=0
PG_APT_UPDATED="${PG_APT_UPDATED:-0}"

_pg_say() { printf '[postgres] %s\n' "$*" >&2; }

_pg_is_root() { [ "$(id -u)" = 0 ]; }

# True when we may run commands as root (we are root, or passwordless sudo works).
pg_can_be_root() {
    _pg_is_root && return 0
    command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1
}

_pg_as_root() {
    if _pg_is_root; then
        "$@"
    else
        sudo -n "$@"
    fi
}

pg_apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        _pg_say "apt-get is not available: install '$*' with your system's package manager"
        return 1
    fi
    if ! pg_can_be_root; then
        _pg_say "installing '$*' needs root or passwordless sudo; run: sudo apt-get install -y $*"
        return 1
    fi
    if [ "$PG_APT_UPDATED" != 1 ]; then
        _pg_say "apt-get update"
        # A failed update (e.g. one unreachable mirror) need not stop the install from the cache.
        _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get update >&2 ||
            _pg_say "apt-get update failed; trying the install anyway"
        PG_APT_UPDATED=1
    fi
    _pg_say "apt-get install -y $*"
    _pg_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
}

# Prints the first directory holding initdb and pg_ctl: /usr/lib/postgresql/<newest>/bin,
# then `pg_config --bindir`, then PATH.
_pg_scan_bindir() {
    local d candidates=()
    for d in /usr/lib/postgresql/*/bin; do
        [ -d "$d" ] && candidates+=("$d")
    done
    if [ ${#candidates[@]} -gt 0 ]; then
        while IFS= read -r d; do
            if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
                printf '%s\n' "$d"
                return 0
            fi
        done < <(printf '%s\n' "${candidates[@]}" | sort -t/ -k4,4 -V -r)
    fi
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            printf '%s\n' "$d"
            return 0
        fi
    fi
    d=$(command -v initdb 2>/dev/null || true)
    if [ -n "$d" ]; then
        d=$(dirname "$d")
        if [ -x "$d/pg_ctl" ]; then
            printf '%s\n' "$d"
            return 0
        fi
    fi
    return 1
}

pg_find_bindir() {
    local d
    if [ -n "$PG_BINDIR" ] && [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ]; then
        printf '%s\n' "$PG_BINDIR"
        return 0
    fi
    if d=$(_pg_scan_bindir); then
        PG_BINDIR=$d
        printf '%s\n' "$d"
        return 0
    fi
    _pg_say "PostgreSQL server binaries (initdb, pg_ctl) not found; installing the Debian package 'postgresql'"
    # Debian's package may create and start a 'main' cluster on port 5432: harmless, never used here.
    if pg_apt_install postgresql && d=$(_pg_scan_bindir); then
        PG_BINDIR=$d
        _pg_say "using $d"
        printf '%s\n' "$d"
        return 0
    fi
    _pg_say "error: no PostgreSQL server binaries (initdb, pg_ctl). Install them" \
        "(Debian/Ubuntu: sudo apt-get install -y postgresql) or set PG_BINDIR=/path/to/postgresql/bin."
    return 1
}

# Binaries for an existing cluster: the same major version when installed side by side.
_pg_bindir_for() {
    local datadir=$1 v
    if [ -f "$datadir/PG_VERSION" ]; then
        v=$(tr -dc '0-9.' <"$datadir/PG_VERSION" 2>/dev/null || true)
        if [ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then
            printf '%s\n' "/usr/lib/postgresql/$v/bin"
            return 0
        fi
    fi
    pg_find_bindir
}

_pg_psql() {
    if [ -n "$PG_BINDIR" ] && [ -x "$PG_BINDIR/psql" ]; then
        printf '%s\n' "$PG_BINDIR/psql"
    elif command -v psql >/dev/null 2>&1; then
        command -v psql
    else
        local d
        d=$(pg_find_bindir) || return 1
        PG_BINDIR=$d
        [ -x "$d/psql" ] || { _pg_say "error: psql not found in $d or on PATH"; return 1; }
        printf '%s\n' "$d/psql"
    fi
}

# --- ports -------------------------------------------------------------------------------

pg_port_is_free() {
    local port=$1
    [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] || return 1
    # Something accepts connections there: taken. (Loopback refuses at once; timeout is a guard.)
    if command -v timeout >/dev/null 2>&1; then
        # shellcheck disable=SC2016  # $1 belongs to the inner bash
        if timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$port" 2>/dev/null; then
            return 1
        fi
    elif (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        return 1
    fi
    # A port can be bound without listening; when python3 is around, check that it binds.
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' \
            "$port" >/dev/null 2>&1 || return 1
    fi
    return 0
}

pg_free_port() {
    local first=${1:-55432} port
    for ((port = first; port < first + 1000 && port <= 65535; port++)); do
        if pg_port_is_free "$port"; then
            printf '%s\n' "$port"
            return 0
        fi
    done
    _pg_say "error: no free TCP port on 127.0.0.1 in $first..$((port - 1))"
    return 1
}

# --- running commands as the cluster's owner ----------------------------------------------

_pg_ensure_user() {
    _pg_is_root || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    _pg_say "creating the system user 'postgres' (initdb and postgres refuse to run as root)"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /bin/bash postgres
}

# Runs a command as <user> (from /, so our working directory's permissions do not matter).
_pg_run_as() {
    local user=$1
    shift
    if [ "$(id -un)" = "$user" ]; then
        (cd / && "$@")
    elif command -v runuser >/dev/null 2>&1; then
        (cd / && runuser -u "$user" -- "$@")
    else
        (cd / && su -s /bin/bash "$user" -c "$(printf '%q ' "$@")")
    fi
}

# Runs a command as the user that owns (or will own) cluster data: postgres when we are root.
_pg_run() {
    if _pg_is_root; then
        _pg_run_as postgres "$@"
    else
        "$@"
    fi
}

_pg_abspath() {
    local p=$1
    case $p in
        /*) ;;
        *) p="$PWD/$p" ;;
    esac
    realpath -m -- "$p" 2>/dev/null || printf '%s\n' "$p"
}

_pg_hash() {
    if command -v sha256sum >/dev/null 2>&1; then
        printf '%s' "$1" | sha256sum | cut -c1-12
    else
        printf '%s' "$1" | cksum | cut -d' ' -f1
    fi
}

# Prints the data directory actually used for <datadir>: itself, or, when we are root and the
# postgres user cannot reach its parent (e.g. a checkout under a 0700 home directory),
# /var/tmp/coopapi-<hash of the requested path>/<name>. Deterministic, creates nothing.
pg_resolve_datadir() {
    local want probe
    want=$(_pg_abspath "$1")
    if ! _pg_is_root || [ -f "$want/PG_VERSION" ]; then
        printf '%s\n' "$want"
        return 0
    fi
    probe=$(dirname "$want")
    while [ ! -e "$probe" ] && [ "$probe" != / ]; do probe=$(dirname "$probe"); done
    if ! id -u postgres >/dev/null 2>&1 ||
        _pg_run_as postgres test -d "$probe" -a -x "$probe" 2>/dev/null; then
        # (Without a postgres user no cluster was ever started here as root; pg_start_cluster
        # creates the user before it resolves.)
        printf '%s\n' "$want"
    else
        printf '%s\n' "/var/tmp/coopapi-$(_pg_hash "$want")/$(basename "$want")"
    fi
}

# --- clusters --------------------------------------------------------------------------------

# Prints the port of the postmaster running in <datadir> (line 4 of postmaster.pid).
_pg_running_port() {
    local datadir=$1 pid port
    [ -f "$datadir/postmaster.pid" ] || return 1
    pid=$(sed -n 1p "$datadir/postmaster.pid" 2>/dev/null | tr -dc 0-9)
    port=$(sed -n 4p "$datadir/postmaster.pid" 2>/dev/null | tr -dc 0-9)
    [ -n "$pid" ] && [ -n "$port" ] || return 1
    if [ -r "/proc/$pid/comm" ]; then
        # Guards against a stale pid file whose pid now belongs to another program.
        [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 1
    else
        kill -0 "$pid" 2>/dev/null || return 1
    fi
    printf '%s\n' "$port"
}

pg_cluster_running() {
    local datadir
    datadir=$(pg_resolve_datadir "$1")
    _pg_running_port "$datadir" >/dev/null
}

pg_start_cluster() {
    local want=${1:-} port=${2:-} mode=${3:-durable} datadir parent log bindir sockdir out opts attempt
    local running initdb_sync=() mode_opts
    if [ -z "$want" ] || [ -z "$port" ]; then
        _pg_say "usage: pg_start_cluster <datadir> <port> [durable|throwaway]"
        return 2
    fi
    case $mode in
        durable)
            # A register kept here is real data: an acknowledged write must survive a crash.
            mode_opts="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
            ;;
        throwaway)
            # Test data nobody keeps: skip every flush. max_connections=200: one test run opens
            # a pool per database.
            mode_opts="-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
            initdb_sync=(--no-sync)
            ;;
        *)
            _pg_say "error: mode must be durable or throwaway, not '$mode'"
            return 2
            ;;
    esac
    PG_STARTED=0
    pg_find_bindir >/dev/null || return 1
    _pg_ensure_user || return 1
    datadir=$(pg_resolve_datadir "$want")
    if [ "$datadir" != "$(_pg_abspath "$want")" ]; then
        _pg_say "the postgres user cannot reach $(dirname "$(_pg_abspath "$want")"); using $datadir instead"
    fi
    case $datadir in
        *"'"* | *'"'* | *' '*)
            _pg_say "error: the data directory path must not contain quotes or spaces: $datadir"
            return 1
            ;;
    esac
    PG_DATADIR=$datadir
    parent=$(dirname "$datadir")
    log="$parent/postgres.log"

    if running=$(_pg_running_port "$datadir"); then
        if [ "$mode" = durable ] && [ "$(pg_setting "$running" fsync 2>/dev/null)" != on ]; then
            # Started by an older run.sh with fsync=off: restart it with the durable settings.
            _pg_say "the cluster running in $datadir is not durable (fsync=off); restarting it"
            pg_stop_cluster "$datadir" || return 1
        else
            PG_PORT=$running
            _pg_say "reusing the cluster already running in $datadir on port $PG_PORT"
            printf '%s\n' "$PG_PORT"
            return 0
        fi
    fi

    bindir=$(_pg_bindir_for "$datadir") || return 1

    if [ ! -d "$parent" ]; then
        mkdir -p "$parent"
        _pg_is_root && chown postgres: "$parent"
    fi
    if [ ! -e "$log" ]; then
        : >"$log"
    fi
    _pg_is_root && chown postgres: "$log"

    if [ ! -f "$datadir/PG_VERSION" ]; then
        if [ -d "$datadir" ] && [ -n "$(ls -A "$datadir" 2>/dev/null)" ]; then
            _pg_say "error: $datadir exists, is not empty and holds no PostgreSQL cluster; remove it"
            return 1
        fi
        mkdir -p "$datadir"
        chmod 0700 "$datadir"
        _pg_is_root && chown postgres: "$datadir"
        _pg_say "initdb $datadir"
        if ! out=$(_pg_run "$bindir/initdb" -D "$datadir" -U postgres -A trust -E UTF8 \
            --locale=C.UTF-8 "${initdb_sync[@]}" 2>&1); then
            _pg_say "initdb refused --locale=C.UTF-8; retrying with --locale=C"
            # initdb empties the directory it failed in; make sure before retrying.
            find "$datadir" -mindepth 1 -delete 2>/dev/null || true
            if ! out=$(_pg_run "$bindir/initdb" -D "$datadir" -U postgres -A trust -E UTF8 \
                --locale=C "${initdb_sync[@]}" 2>&1); then
                printf '%s\n' "$out" >&2
                _pg_say "error: initdb failed in $datadir"
                return 1
            fi
        fi
    fi

    # The socket goes into the data directory unless the path is too long for a Unix socket.
    sockdir=$datadir
    [ ${#sockdir} -le 90 ] || sockdir=/tmp

    for attempt in 1 2 3; do
        opts="-p $port -k '$sockdir' -c listen_addresses=127.0.0.1 $mode_opts"
        _pg_say "starting PostgreSQL ($bindir) in $datadir on 127.0.0.1:$port"
        if _pg_run "$bindir/pg_ctl" -D "$datadir" -w -t 60 -l "$log" -o "$opts" start >&2; then
            PG_PORT=$port
            PG_STARTED=1
            printf '%s\n' "$PG_PORT"
            return 0
        fi
        if [ "$attempt" -lt 3 ] && tail -n 20 "$log" 2>/dev/null |
            grep -qiE 'could not bind|already in use|could not create any TCP/IP sockets'; then
            port=$(pg_free_port $((port + 1))) || return 1
            _pg_say "port taken meanwhile; retrying on $port"
            continue
        fi
        break
    done
    _pg_say "error: PostgreSQL did not start; last lines of $log:"
    tail -n 20 "$log" >&2 2>/dev/null || true
    return 1
}

pg_stop_cluster() {
    local datadir owner bindir
    if [ -z "${1:-}" ]; then
        _pg_say "usage: pg_stop_cluster <datadir>"
        return 2
    fi
    datadir=$(pg_resolve_datadir "$1")
    if ! _pg_running_port "$datadir" >/dev/null; then
        _pg_say "no cluster running in $datadir"
        return 0
    fi
    bindir=$(_pg_bindir_for "$datadir") || return 1
    owner=$(stat -c %U "$datadir")
    _pg_say "stopping PostgreSQL in $datadir"
    _pg_run_as "$owner" "$bindir/pg_ctl" -D "$datadir" -m fast -w -t 60 stop >&2
}

pg_discard_cluster() {
    local datadir
    if [ -z "${1:-}" ]; then
        _pg_say "usage: pg_discard_cluster <datadir>"
        return 2
    fi
    datadir=$(pg_resolve_datadir "$1")
    pg_stop_cluster "$datadir" || _pg_say "warning: could not stop PostgreSQL in $datadir"
    case $datadir in
        /var/tmp/coopapi-*/*) rm -rf "$(dirname "$datadir")" ;;
        *) rm -rf "$datadir" ;;
    esac
}

pg_create_database() {
    local port=${1:-} name=${2:-} psql
    if [ -z "$port" ] || [ -z "$name" ]; then
        _pg_say "usage: pg_create_database <port> <name>"
        return 2
    fi
    psql=$(_pg_psql) || return 1
    # \gexec runs the generated CREATE DATABASE only when the database is missing.
    "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -v dbname="$name" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I', :'dbname')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname')\gexec
SQL
}

pg_setting() {
    local port=${1:-} name=${2:-} psql
    if [ -z "$port" ] || [ -z "$name" ]; then
        _pg_say "usage: pg_setting <port> <name>"
        return 2
    fi
    psql=$(_pg_psql) || return 1
    "$psql" -X -A -t -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -c "SELECT current_setting('$name')"
}

# The application's role and database: the API connects as <role>, which is not a superuser.
# As the database's owner it may create the trusted extensions unaccent and pg_trgm (PostgreSQL
# 13+) and the ICU collation the migrations need. Authentication is the cluster's: trust on
# 127.0.0.1 for a cluster of pg_start_cluster. A database that exists already (created by an
# older run.sh, owned by postgres) is handed over to <role> with its tables, sequences,
# functions and collations, so that later migrations may alter them.
pg_create_app_database() {
    local port=${1:-} name=${2:-} role=${3:-} psql
    if [ -z "$port" ] || [ -z "$name" ] || [ -z "$role" ]; then
        _pg_say "usage: pg_create_app_database <port> <name> <role>"
        return 2
    fi
    psql=$(_pg_psql) || return 1
    "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
        -v dbname="$name" -v role="$role" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')\gexec
SELECT format('ALTER ROLE %I NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', :'role')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'dbname', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname')\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'dbname', :'role')\gexec
SQL
    "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$name" \
        -v role="$role" >&2 <<'SQL'
-- Objects an older run.sh created as postgres in the public schema (extension members excepted).
SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                             WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              c.oid::regclass, :'role')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
  AND pg_get_userbyid(c.relowner) <> :'role'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                  AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))\gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'role')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'role'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                  AND d.objid = p.oid AND d.deptype = 'e')\gexec
SELECT format('ALTER COLLATION %s OWNER TO %I', c.oid::regcollation, :'role')
FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname = 'public' AND pg_get_userbyid(c.collowner) <> :'role'\gexec
SQL
}
