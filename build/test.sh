#!/usr/bin/env bash
# CaseFlow's test command: bash build/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Calendar"]
#
# Installs what the tests need if it is missing (Debian/Ubuntu, as root or with sudo), builds the solution once,
# runs every test project under tests/ and ends with exactly one line:
#   N passed, N failed[, N skipped]
# Exits non-zero if a test failed, a project failed to build or run, or no test ran at all. A test project that
# did not run or crashed counts as one failed test in the summary. Results (trx) go to artifacts/test-results/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIGURATION="${CONFIGURATION:-Release}"
RESULTS_DIR="$ROOT/artifacts/test-results"   # artifacts/ is git-ignored
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------------------------------------------------------
# Prerequisites: one ensure_* function per external dependency, listed in PREREQUISITES. Each checks first and
# installs only when missing, so a prepared machine (or a developer's laptop) is never touched.
# ---------------------------------------------------------------------------------------------------------------
PREREQUISITES=(ensure_aiosmtpd ensure_chromium ensure_postgresql)

APT_UPDATED=false
apt_install() {
    local sudo=()
    if [[ "$(id -u)" != 0 ]]; then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install: $*" >&2; return 1; }
        sudo=(sudo -n)
    fi
    command -v apt-get >/dev/null || { echo "error: no apt-get to install: $*; install them by hand" >&2; return 1; }
    if [[ "$APT_UPDATED" == false ]]; then
        echo "==> apt-get update"
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        APT_UPDATED=true
    fi
    echo "==> apt-get install $*"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Prints the first python that can import module $1. Debian's python3-* packages are visible only to
# /usr/bin/python3, which a pyenv or venv python3 earlier on PATH would hide.
python_with() {
    local python
    for python in python3 /usr/bin/python3; do
        if command -v "$python" >/dev/null && "$python" -c "import $1" 2>/dev/null; then
            command -v "$python"
            return 0
        fi
    done
    return 1
}

# SMTP integration tests start their own server: python3 -m aiosmtpd (tests/CaseFlow.Server.Tests/Fixtures).
ensure_aiosmtpd() {
    local python
    if ! python="$(python_with aiosmtpd)"; then
        apt_install python3-aiosmtpd
        python="$(python_with aiosmtpd)" || { echo "error: python3-aiosmtpd installed but not importable" >&2; return 1; }
    fi
    export CASEFLOW_TEST_PYTHON="$python"
    echo "==> aiosmtpd: $python"
}

# The Designer's browser tests (tests/CaseFlow.Designer.Tests) drive this Chromium through Playwright; Playwright's
# own browser download is never used. The tests fail, not skip, when CASEFLOW_CHROMIUM does not point at a browser.
ensure_chromium() {
    local chromium="${CASEFLOW_CHROMIUM:-/usr/bin/chromium}"
    if [[ ! -x "$chromium" ]]; then
        apt_install chromium
        chromium=/usr/bin/chromium
        [[ -x "$chromium" ]] || { echo "error: chromium installed but $chromium is missing" >&2; return 1; }
    fi
    export CASEFLOW_CHROMIUM="$chromium"
    echo "==> chromium: $chromium"
    # The UI is Chinese: without a CJK font the screenshots in docs/screenshots show empty boxes.
    if command -v fc-list >/dev/null && [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
        apt_install fonts-wqy-zenhei
    fi
}

# The Server tests run a second time on PostgreSQL: a throwaway cluster started by start_postgresql below.
ensure_postgresql() {
    if ! postgres_bin >/dev/null; then
        apt_install postgresql
        postgres_bin >/dev/null || { echo "error: postgresql installed but no initdb under /usr/lib/postgresql" >&2; return 1; }
    fi
    echo "==> postgresql: $(postgres_bin)"
}

# Prints the newest /usr/lib/postgresql/<version>/bin that has initdb (or PG_BIN when set).
postgres_bin() {
    if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/initdb" ]]; then echo "$PG_BIN"; return 0; fi
    local initdb
    initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$initdb" ]] || return 1
    dirname "$initdb"
}

# ---------------------------------------------------------------------------------------------------------------
# A throwaway PostgreSQL cluster: its own temp directory, a free loopback port, its socket in that directory, trust
# authentication (loopback only), durability off (it dies with the run). PostgreSQL refuses to run as root, so as
# root the cluster belongs to the 'postgres' user when there is one, else 'nobody'. Sets PG_DIR and PG_PORT.
# ---------------------------------------------------------------------------------------------------------------
PG_DIR="" PG_PORT="" PG_AS=()
start_postgresql() {
    local bin owner=""
    bin="$(postgres_bin)"
    PG_DIR="$(mktemp -d /tmp/caseflow-pg.XXXXXX)"
    if [[ "$(id -u)" == 0 ]]; then
        owner="$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)"
        chown "$owner" "$PG_DIR"
        PG_AS=(runuser -u "$owner" --)
    fi
    chmod 700 "$PG_DIR"
    PG_PORT="$("${CASEFLOW_TEST_PYTHON:-python3}" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    echo "==> postgresql: initdb $PG_DIR/data (as ${owner:-$(id -un)}), port $PG_PORT"
    "${PG_AS[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    "${PG_AS[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
    export CASEFLOW_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
    # The fault tests (tests/CaseFlow.Server.Tests/Faults) restart this cluster mid-load with pg_ctl: they need its
    # data directory, its binaries and the user it runs as (empty when that is the current user).
    export CASEFLOW_TEST_PG_DATA="$PG_DIR/data" CASEFLOW_TEST_PG_BIN="$bin" CASEFLOW_TEST_PG_USER="$owner"
}

stop_postgresql() {
    [[ -n "$PG_DIR" ]] || return 0
    if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
        "${PG_AS[@]}" "$(postgres_bin)/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
    unset CASEFLOW_TEST_PG_DATA CASEFLOW_TEST_PG_BIN CASEFLOW_TEST_PG_USER
}

# ---------------------------------------------------------------------------------------------------------------
# Result counting: sum the <Counters> of every TRX file.
# ---------------------------------------------------------------------------------------------------------------
# Prints "total passed failed skipped" for one TRX file. Errors, timeouts and aborts count as failures.
trx_counts() {
    "${CASEFLOW_TEST_PYTHON:-python3}" - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
counters = next((e for e in ET.parse(sys.argv[1]).iter() if e.tag.rsplit('}', 1)[-1] == 'Counters'), None)
if counters is None:
    sys.exit("no <Counters> element")
n = lambda name: int(counters.get(name, 0))
# VSTest's trx counts a skipped xUnit test in total but not in executed (notExecuted stays 0).
skipped = max(n('notExecuted'), n('total') - n('executed'))
print(n('total'), n('passed'), n('failed') + n('error') + n('timeout') + n('aborted'), skipped)
PY
}

summary() {  # passed failed skipped
    if (( $3 > 0 )); then echo "$1 passed, $2 failed, $3 skipped"; else echo "$1 passed, $2 failed"; fi
}

# Runs one test project (as $2 in the results) and adds its counts to the sums; a run without a readable trx is broken.
sum_passed=0 sum_failed=0 sum_skipped=0 broken=()
run_project() {
    local project="$1" name="$2" status trx counts total passed failed skipped
    shift 2
    trx="$RESULTS_DIR/$name.trx"
    echo "==> dotnet test $name"
    # IsTestingPlatformApplication=false: xunit.v3 4.x is a Microsoft.Testing.Platform app, and on the .NET 10
    # SDK MTP refuses dotnet test's VSTest mode unless told the project is not one; VSTest then runs it
    # through xunit.runner.visualstudio, which gives us the trx logger.
    status=0
    dotnet test "$project" -c "$CONFIGURATION" --no-build -p:IsTestingPlatformApplication=false \
        --logger "trx;LogFileName=$trx" --results-directory "$RESULTS_DIR" "$@" || status=$?
    if [[ ! -f "$trx" ]] || ! counts="$(trx_counts "$trx")"; then
        echo "error: $name did not run (exit $status, no readable $trx)" >&2
        broken+=("$name")
        return 0
    fi
    read -r total passed failed skipped <<<"$counts"
    if (( status != 0 && failed == 0 )); then
        # e.g. the test host crashed after writing a partial report
        echo "error: $name exited with $status but reported no failed test" >&2
        broken+=("$name")
    fi
    sum_passed=$((sum_passed + passed))
    sum_failed=$((sum_failed + failed)) sum_skipped=$((sum_skipped + skipped))
}

main() {
    cd "$ROOT"
    local prerequisite
    for prerequisite in "${PREREQUISITES[@]}"; do
        "$prerequisite"
    done
    command -v dotnet >/dev/null || { echo "error: dotnet SDK not on PATH" >&2; summary 0 0 0; return 1; }

    echo "==> dotnet build CaseFlow.sln -c $CONFIGURATION"
    if ! dotnet build CaseFlow.sln -c "$CONFIGURATION" -v minimal; then
        echo "error: build failed; no tests were run" >&2
        summary 0 0 0
        return 1
    fi

    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"
    local projects=() project server=tests/CaseFlow.Server.Tests/CaseFlow.Server.Tests.csproj
    sum_passed=0 sum_failed=0 sum_skipped=0 broken=()
    mapfile -t projects < <(find tests -mindepth 2 -maxdepth 2 -name '*.Tests.csproj' | sort)

    # The interchange surveys run a public BPMN suite checkout that is not shipped (CASEFLOW_INTERCHANGE_DIR, by hand,
    # docs/bpmn.md): without one they are left out rather than reported as skipped.
    local survey="Infrastructure!=InterchangeSuite"
    [[ -n "${CASEFLOW_INTERCHANGE_DIR:-}" ]] && survey="Infrastructure!=None"
    for project in "${projects[@]}"; do
        if [[ " $* " == *" --filter "* ]]; then
            run_project "$project" "$(basename "$project" .csproj)" "$@"
        elif [[ "$project" == "$server" ]]; then
            # The cluster tests need several nodes on one PostgreSQL database: they run in the PostgreSQL pass below,
            # so here they are left out rather than reported as skipped.
            run_project "$project" "$(basename "$project" .csproj)" --filter "Infrastructure!=PostgresCluster&$survey" "$@"
        else
            run_project "$project" "$(basename "$project" .csproj)" --filter "$survey" "$@"
        fi
    done

    # The Server suite again, on PostgreSQL: every fixture creates a database of its own in the throwaway cluster.
    if [[ -f "$server" ]]; then
        trap stop_postgresql EXIT
        if start_postgresql; then
            export CASEFLOW_TEST_DATABASE=postgres
            if [[ " $* " == *" --filter "* ]]; then
                run_project "$server" CaseFlow.Server.Tests.Postgres "$@"
            else
                run_project "$server" CaseFlow.Server.Tests.Postgres --filter "$survey" "$@"
            fi
            unset CASEFLOW_TEST_DATABASE
        else
            echo "error: could not start PostgreSQL; the Server tests did not run on it" >&2
            broken+=(CaseFlow.Server.Tests.Postgres)
        fi
        stop_postgresql
    fi

    local rc=0
    if (( ${#projects[@]} == 0 )); then echo "error: no test projects under tests/" >&2; rc=1; fi
    if (( ${#broken[@]} > 0 )); then
        # Counted as failures so that the summary line alone never looks green after a crash.
        echo "error: failed to run or crashed (each counted as 1 failed): ${broken[*]}" >&2
        sum_failed=$((sum_failed + ${#broken[@]}))
        rc=1
    fi
    if (( sum_passed + sum_failed == 0 )); then echo "error: no tests ran" >&2; rc=1; fi
    if (( sum_failed > 0 )); then rc=1; fi
    summary "$sum_passed" "$sum_failed" "$sum_skipped"
    return "$rc"
}

# Sourcing the script (e.g. to call start_postgresql by hand) defines the functions without running the tests.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
