from lib import t, lines

# Persona: network automation engineer at an ISP. Python (Netmiko, NAPALM, ncclient), Ansible
# playbooks and molecule, YANG/NETCONF, BGP/OSPF configs, a Go gNMI telemetry collector.
# Thinks in routers, change windows, commit-confirmed and rollbacks; precise about protocols,
# terse about software.

IFNAME = '''
ABBREV = {
    "Gi": "GigabitEthernet",
    "Te": "TenGigabitEthernet",
    "Hu": "HundredGigE",
    "Fa": "FastEthernet",
    "Lo": "Loopback",
    "BE": "Bundle-Ether",
    "Po": "Port-channel",
}


def normalise_ifname(name: str) -> str:
    """Gi0/0/1 -> GigabitEthernet0/0/1. Unknown prefixes are returned unchanged."""
    name = name.strip()
    if not name:
        raise ValueError("empty interface name")
    for short in sorted(ABBREV, key=len, reverse=True):
        full = ABBREV[short]
        if name.lower().startswith(full.lower()):
            return full + name[len(full):]
        if name.startswith(short) and name[len(short):len(short) + 1].isdigit():
            return full + name[len(short):]
    return name
'''

PUSHER = '''
import logging
import time

from netmiko import ConnectHandler
from netmiko.exceptions import NetmikoTimeoutException, NetmikoAuthenticationException

log = logging.getLogger(__name__)


class PushError(Exception):
    pass


class ConfigPusher:
    """Pushes a config snippet to one IOS-XR box with commit confirmed and a manual confirm step."""

    def __init__(self, host, username, password, confirm_minutes=5, retries=2):
        self.params = {
            "device_type": "cisco_xr",
            "host": host,
            "username": username,
            "password": password,
            "fast_cli": False,
        }
        self.confirm_minutes = confirm_minutes
        self.retries = retries
        self.conn = None

    def connect(self):
        last = None
        for attempt in range(self.retries + 1):
            try:
                self.conn = ConnectHandler(**self.params)
                return
            except NetmikoAuthenticationException:
                raise PushError(f"auth failed on {self.params['host']}")
            except NetmikoTimeoutException as exc:
                last = exc
                log.warning("timeout on %s, attempt %d", self.params["host"], attempt + 1)
                time.sleep(2 ** attempt)
        raise PushError(f"unreachable: {self.params['host']}") from last

    def push(self, lines):
        if not lines:
            raise ValueError("nothing to push")
        if self.conn is None:
            self.connect()
        out = self.conn.send_config_set(lines, exit_config_mode=False)
        if "% Invalid input" in out or "% Incomplete" in out:
            self.conn.send_command("abort", expect_string=r"#")
            raise PushError(f"device rejected config: {out.splitlines()[-1]}")
        out = self.conn.commit(confirm=True, confirm_delay=self.confirm_minutes)
        if "Failed to commit" in out:
            self.conn.send_command("abort", expect_string=r"#")
            raise PushError("commit failed")
        self.conn.exit_config_mode()
        return out

    def confirm(self):
        if self.conn is None:
            raise PushError("no session to confirm")
        self.conn.config_mode()
        out = self.conn.commit()
        self.conn.exit_config_mode()
        return out

    def close(self):
        if self.conn is not None:
            self.conn.disconnect()
            self.conn = None
'''

RING = '''
package buffer

import "sync/atomic"

// Ring is a fixed-size buffer of telemetry updates. Many gNMI subscription
// goroutines call Push; a single exporter goroutine calls Drain.
type Ring struct {
	slots []*Update
	mask  uint64
	head  uint64 // next write position
	tail  uint64 // next read position
	drops uint64
}

func NewRing(sizePow2 int) *Ring {
	return &Ring{slots: make([]*Update, sizePow2), mask: uint64(sizePow2 - 1)}
}

func (r *Ring) Push(u *Update) bool {
	pos := atomic.AddUint64(&r.head, 1) - 1
	if pos-atomic.LoadUint64(&r.tail) >= uint64(len(r.slots)) {
		atomic.AddUint64(&r.drops, 1)
		return false
	}
	r.slots[pos&r.mask] = u
	return true
}

func (r *Ring) Drain(dst []*Update) int {
	n := 0
	for n < len(dst) {
		t := atomic.LoadUint64(&r.tail)
		if t >= atomic.LoadUint64(&r.head) {
			break
		}
		u := r.slots[t&r.mask]
		if u == nil {
			break
		}
		r.slots[t&r.mask] = nil
		dst[n] = u
		n++
		atomic.StoreUint64(&r.tail, t+1)
	}
	return n
}

func (r *Ring) Drops() uint64 { return atomic.LoadUint64(&r.drops) }
'''

ASN = '''
def parse_asn(value) -> int:
    """Accepts 65000, "65000", "AS65000", asdot "1.10" and returns the asplain integer."""
    if isinstance(value, int):
        asn = value
    else:
        s = str(value).strip().upper()
        if s.startswith("AS"):
            s = s[2:]
        if "." in s:
            high, low = s.split(".", 1)
            asn = int(high) * 65536 + int(low)
        else:
            asn = int(s)
    if asn < 1 or asn > 4294967295:
        raise ValueError(f"ASN out of range: {value}")
    return asn


def is_private_asn(asn: int) -> bool:
    return 64512 <= asn <= 65534 or 4200000000 <= asn <= 4294967294
'''

AGGREGATE = '''
import ipaddress


def aggregate(prefixes):
    """Collapse a list of IPv4/IPv6 prefix strings into the minimal covering set.
    Used to build the prefix-lists we send to upstreams, so it must never add
    address space that was not in the input and never drop any that was."""
    nets = sorted({ipaddress.ip_network(p, strict=False) for p in prefixes},
                  key=lambda n: (n.version, n.network_address, n.prefixlen))
    out = []
    for net in nets:
        if out and out[-1].version == net.version and net.subnet_of(out[-1]):
            continue
        out.append(net)
        while len(out) >= 2:
            a, b = out[-2], out[-1]
            if (a.version == b.version and a.prefixlen == b.prefixlen
                    and a.prefixlen > 0 and a.supernet() == b.supernet()):
                out[-2:] = [a.supernet()]
            else:
                break
    return [str(n) for n in out]
'''

t('simple', 'test-generation',
  'pytest cases for normalise_ifname please. Short forms, full forms, mixed case, and the empty string.',
  files=[('netauto/util/ifname.py', IFNAME)], fw='pytest', lang=None)

t('simple', 'test-execution',
  'Run the unit tests under tests/unit/parsers and tell me what fails.', fw='pytest', lang=None)

# why: one class but connect retries, auth vs timeout split, abort-on-reject and commit-confirmed paths all need a mocked ConnectHandler: medium
t('medium', 'test-generation',
  'Need tests for the pusher we use in change windows. Mock netmiko, no real devices. I care most that a '
  'rejected line or a failed commit always sends abort and never leaves the candidate config dirty.',
  files=[('netauto/push/pusher.py', PUSHER)], fw='pytest', lang=None,
  reqs=['mock ConnectHandler, no network', 'cover auth failure vs timeout retry with backoff',
        'assert abort is sent on "% Invalid input" and on "Failed to commit"', 'patch time.sleep'])

FAILED_RUN = lines(60, lambda i: (
    f'tests/unit/test_textfsm_templates.py::test_show_ip_bgp_summary[{["ios","iosxr","eos","junos","nxos","iosxe"][i%6]}-{i:02d}] '
    + ('FAILED' if i in (7, 23, 41) else 'PASSED')))
FAILED_RUN += '''
=================================== FAILURES ===================================
___ test_show_ip_bgp_summary[iosxr-07] ___
E   AssertionError: assert '4200000001' == '64086.59905'
___ test_show_ip_bgp_summary[iosxr-23] ___
E   AssertionError: assert 'Idle (Admin)' == 'Idle'
___ test_show_ip_bgp_summary[nxos-41] ___
E   KeyError: 'PFXRCD'
=========================== 3 failed, 57 passed in 4.81s ==========================
'''
t('simple', 'test-execution',
  'Nightly parser run output below. Just give me the three failures in a short table: template, platform, what broke.',
  files=[('ci/nightly-parsers.log', FAILED_RUN)], fw='pytest', lang=None)

# why: 30 lines, but concurrent Push from many goroutines against a single Drain: the test has to expose a lost/overwritten slot race, so complex
t('complex', 'test-generation',
  'Write Go tests for the collector ring buffer. Lots of subscription goroutines push, one exporter drains. '
  'I want to know whether it can hand the exporter a stale update or lose one without counting a drop.',
  files=[('collector/internal/buffer/ring.go', RING)], fw='go test', lang=None,
  reqs=['must run under -race', 'stress test with 64 producers and a concurrent drainer',
        'every pushed update is either drained exactly once or counted in Drops()'])

COV_SUMMARY = 'Name                                           Stmts   Miss  Cover   Missing\n' + lines(48, lambda i: (
    f'netauto/{["parsers","push","inventory","netconf","reports","util"][i%6]}/'
    f'{["bgp","ospf","isis","lldp","interfaces","vrf","acl","prefix"][i%8]}_{i:02d}.py'
    f'{"":<12}{40 + (i*7)%90:>5}{(0 if i%5 else (i*3)%40):>7}'
    f'{(100 if i%5 else 100-((i*3)%40)*100//(40+(i*7)%90)):>6}%'
    + ('' if i%5 else f'   {10+i}-{14+i}, {30+i}')))
t('simple', 'coverage-analysis',
  'coverage report for netauto below. List the modules that are not at 100% and their missing line ranges, nothing else.',
  files=[('reports/coverage.txt', COV_SUMMARY)], fw='pytest', lang=None)

t('simple', 'quality-gate',
  'Gate for the ansible repo is line coverage >= 80% and zero ansible-lint errors. We have 78.4% and 0 errors. Pass or fail?',
  lang=None)

# why: 20 lines of code but the requirements need BGP judgement: asdot edge cases, AS0/AS_TRANS 23456, reserved vs private ranges, "1.65536" overflow
t('medium', 'test-generation',
  'Tests for parse_asn and is_private_asn. These feed the peering tool so the edge cases matter more than the happy path.',
  files=[('netauto/bgp/asn.py', ASN)], fw='pytest', lang=None,
  reqs=['asdot low part above 65535 must be rejected', 'AS 23456 (AS_TRANS) and AS0 behaviour must be explicit',
        'private ranges per RFC 6996, including the 4-byte range boundaries'])

NC_LOG = '''
2024-05-14T01:12:03.118Z INFO  tests/integration/test_netconf_getconfig.py::test_get_running_filtered start
2024-05-14T01:12:03.120Z DEBUG ncclient.transport.ssh  Connected to lab-xr3:830
2024-05-14T01:12:03.412Z DEBUG ncclient.transport.session  hello exchanged, session-id 8812
2024-05-14T01:12:03.413Z DEBUG ncclient.operations.rpc  Requesting 'GetConfig' filter=subtree Cisco-IOS-XR-ipv4-bgp-cfg:bgp
2024-05-14T01:12:33.414Z ERROR ncclient.operations.rpc  TimeoutExpiredError: ncclient timed out while waiting for an rpc reply.
2024-05-14T01:12:33.420Z INFO  test FAILED (30.30s)
--- previous green run, same commit ---
2024-05-13T01:11:58.004Z DEBUG ncclient.transport.ssh  Connected to lab-xr3:830
2024-05-13T01:11:58.290Z DEBUG ncclient.transport.session  hello exchanged, session-id 8790
2024-05-13T01:11:58.291Z DEBUG ncclient.operations.rpc  Requesting 'GetConfig' filter=subtree Cisco-IOS-XR-ipv4-bgp-cfg:bgp
2024-05-13T01:12:19.877Z DEBUG ncclient.operations.rpc  reply received (1.9 MB)
2024-05-13T01:12:19.880Z INFO  test PASSED (21.88s)
--- lab cron ---
01:00 daily  full-table BGP feed replay into lab-xr3 (approx 950k paths)
'''
NC_TEST = '''
import pytest
from ncclient import manager

BGP_FILTER = """<bgp xmlns="http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-bgp-cfg"/>"""


@pytest.fixture
def xr3():
    with manager.connect(host="lab-xr3", port=830, username="ci", password="ci-lab-only",
                         hostkey_verify=False, device_params={"name": "iosxr"}) as m:
        yield m


def test_get_running_filtered(xr3):
    reply = xr3.get_config(source="running", filter=("subtree", BGP_FILTER))
    assert reply.ok
    assert b"<neighbor>" in reply.data_xml.encode()
'''
t('medium', 'flaky-test-analysis',
  'test_get_running_filtered goes red maybe twice a week against lab-xr3, same commit passes next night. Log and test attached.',
  files=[('ci/logs/netconf-integration-0514.log', NC_LOG), ('tests/integration/test_netconf_getconfig.py', NC_TEST)],
  fw='pytest', lang=None)

LOOKUP_API = '''
import re
from functools import wraps

from flask import Flask, request, jsonify, abort
from netmiko import ConnectHandler

from netauto.inventory import get_device, creds_for
from netauto.auth import token_owner

app = Flask(__name__)
ALLOWED = ("show ip bgp", "show ip route", "show interfaces", "ping", "traceroute")


def require_noc(f):
    @wraps(f)
    def inner(*a, **kw):
        tok = request.headers.get("X-NOC-Token", "")
        user = token_owner(tok)
        if user is None:
            abort(401)
        request.noc_user = user
        return f(*a, **kw)
    return inner


@app.post("/lookup/<hostname>")
@require_noc
def lookup(hostname):
    cmd = request.json.get("command", "").strip()
    if not cmd.startswith(ALLOWED):
        abort(403)
    if re.search(r"[;|]", cmd):
        abort(400)
    dev = get_device(hostname)
    if dev is None:
        abort(404)
    conn = ConnectHandler(device_type=dev.platform, host=dev.mgmt_ip, **creds_for(dev))
    try:
        out = conn.send_command(cmd, read_timeout=60)
    finally:
        conn.disconnect()
    return jsonify({"host": hostname, "by": request.noc_user, "output": out})
'''
AUTH = '''
import hmac
import hashlib
import time

from netauto.settings import TOKEN_SECRET, NOC_USERS


def token_owner(token: str):
    """token = user:expiry:hexsig"""
    try:
        user, expiry, sig = token.split(":")
    except ValueError:
        return None
    want = hmac.new(TOKEN_SECRET, f"{user}:{expiry}".encode(), hashlib.md5).hexdigest()
    if sig != want:
        return None
    if int(expiry) < time.time():
        return None
    return user if user in NOC_USERS else None
'''
t('complex', 'security-scan',
  'The looking-glass style endpoint for the NOC is going live on the internal net next week. It logs into real PE '
  'routers with a privileged account. Go through it.',
  files=[('netauto/api/lookup.py', LOOKUP_API), ('netauto/auth.py', AUTH)], lang=None,
  reqs=['think about what a NOC user can make the router run, not just shell injection',
        'review the token scheme'])

KEYERR_TB = '''
Traceback (most recent call last):
  File "scripts/bgp_report.py", line 41, in <module>
    main()
  File "scripts/bgp_report.py", line 36, in main
    rows.append(summarise(host, napalm_dev.get_bgp_neighbors()))
  File "scripts/bgp_report.py", line 19, in summarise
    for peer, data in neighbors["global"]["peers"].items():
KeyError: 'global'
'''
KEYERR_SRC = '''
def summarise(host, neighbors):
    up = down = 0
    for peer, data in neighbors["global"]["peers"].items():
        if data["is_up"]:
            up += 1
        else:
            down += 1
    return {"host": host, "up": up, "down": down}
'''
t('simple', 'defect-analysis',
  'bgp_report.py blew up on pe-lon-07, which is the only box we have with BGP configured only inside VRFs. Why?',
  files=[('logs/bgp_report.txt', KEYERR_TB), ('scripts/bgp_report_summarise.py', KEYERR_SRC)], lang=None)

t('complex', 'performance-testing',
  'We are going from 600 to about 2,400 routers on streaming telemetry this year. Path is routers -> gNMI dial-in to '
  'our Go collectors (3 pods behind a LB) -> Kafka -> Telegraf -> InfluxDB, Grafana on top. Design the load test that '
  'tells me where it breaks first and how many collectors we need. We have no simulator yet.',
  lang=None,
  reqs=['sample intervals are 10s for interface counters and on-change for BGP/OSPF state',
        'include the BGP flap storm case when a core link goes down', 'say what to measure at each hop'])

# why: property tests for CIDR aggregation: invariants (exact same address space, minimality, v4/v6 separation) are deep, a wrong prefix-list leaks routes
t('complex', 'test-generation',
  'Property tests for aggregate(). If this ever adds space we do not own we announce someone else\'s prefixes upstream.',
  files=[('netauto/prefix/aggregate.py', AGGREGATE)], fw='hypothesis', lang=None,
  reqs=['use hypothesis, mixed IPv4 and IPv6 inputs', 'output covers exactly the input address space',
        'output is minimal: no two entries can be merged and none contains another', 'idempotent'])

NC_CLIENT = '''
import logging
from contextlib import contextmanager

from lxml import etree
from ncclient import manager
from ncclient.operations import RPCError

log = logging.getLogger(__name__)


class NetconfError(Exception):
    pass


@contextmanager
def session(host, creds, timeout=60):
    m = manager.connect(host=host, port=830, timeout=timeout, device_params={"name": "iosxr"}, **creds)
    try:
        yield m
    finally:
        try:
            m.close_session()
        except Exception:
            log.debug("close_session failed on %s", host)


def edit_and_commit(m, config_xml, confirmed_timeout=None):
    with m.locked("candidate"):
        try:
            m.discard_changes()
            m.edit_config(target="candidate", config=config_xml, default_operation="merge")
            m.validate(source="candidate")
        except RPCError as exc:
            m.discard_changes()
            raise NetconfError(f"edit rejected: {exc.message}") from exc
        if confirmed_timeout:
            m.commit(confirmed=True, timeout=str(confirmed_timeout))
        else:
            m.commit()


def get_subtree(m, xml_filter, source="running"):
    reply = m.get_config(source=source, filter=("subtree", xml_filter))
    if not reply.ok:
        raise NetconfError(str(reply.errors))
    return etree.fromstring(reply.data_xml.encode())
'''
NC_COV = '''
<coverage branch-rate="0.55" line-rate="0.71">
 <packages><package name="netauto.netconf">
  <class filename="netauto/netconf/client.py" line-rate="0.68" branch-rate="0.50">
   <lines>
    <line number="16" hits="4"/><line number="17" hits="4"/><line number="18" hits="4"/>
    <line number="21" hits="0"/><line number="22" hits="0"/>
    <line number="26" hits="3"/><line number="27" hits="3"/><line number="28" hits="3"/><line number="29" hits="3"/>
    <line number="30" hits="3"/><line number="31" hits="0"/><line number="32" hits="0"/><line number="33" hits="0"/>
    <line number="34" hits="3" branch="true" condition-coverage="50% (1/2)"/><line number="35" hits="0"/>
    <line number="37" hits="3"/><line number="41" hits="2"/><line number="42" hits="2" branch="true" condition-coverage="50% (1/2)"/>
    <line number="43" hits="0"/><line number="44" hits="2"/>
   </lines>
  </class>
  <class filename="netauto/netconf/filters.py" line-rate="0.92" branch-rate="0.75"/>
  <class filename="netauto/netconf/yang_paths.py" line-rate="0.81" branch-rate="0.60"/>
 </package></packages>
</coverage>
'''
t('medium', 'coverage-analysis',
  'netconf package coverage attached with the client source. Which of the uncovered bits actually matter for a '
  'change window and what tests would close them?',
  files=[('netauto/netconf/client.py', NC_CLIENT), ('reports/coverage-netconf.xml', NC_COV)], fw='pytest', lang=None)

GATE_PRE = '''
change: CHG-24117  "Enable BFD on all core OSPF links, region north"
window: 2024-06-02 00:00-04:00
pipeline: run 8812 on branch chg/24117-bfd-north
unit tests:          412 passed, 0 failed, 3 skipped (skips: test_junos_* marked lab-only)
coverage (changed):  71% of changed lines (threshold 85%)
ansible-lint:        0 errors, 6 warnings (all no-changed-when in roles/bfd/tasks/verify.yml)
yamllint:            clean
batfish pre-checks:  ospf_sessions_unchanged=PASS  bfd_timers_consistent=FAIL (2 pairs: 300ms vs 50ms, cr1-nth<->cr2-nth, cr2-nth<->agg4-nth)
dry-run diff:        38 devices, 212 lines added, 0 removed
rollback playbook:   present, last tested 2024-03-11 (policy: tested within 60 days)
peer review:         1 approval (policy: 2 for core changes)
'''
t('medium', 'quality-gate',
  'Pre-change gate for tonight-ish. Go/no-go against our policy, and tell me what has to be fixed before the CAB.',
  files=[('ci/gate/CHG-24117.txt', GATE_PRE)], lang=None,
  reqs=['policy: changed-line coverage >= 85%, zero batfish FAIL, rollback tested within 60 days, 2 approvals for core'])

COLLECTOR_SUB = '''
package subscribe

import (
	"context"
	"sync"
	"time"

	gpb "github.com/openconfig/gnmi/proto/gnmi"
)

type Manager struct {
	mu      sync.Mutex
	subs    map[string]context.CancelFunc
	out     chan *gpb.Notification
	dial    func(ctx context.Context, target string) (Stream, error)
	backoff time.Duration
}

func (m *Manager) Start(ctx context.Context, target string) {
	m.mu.Lock()
	if _, ok := m.subs[target]; ok {
		m.mu.Unlock()
		return
	}
	cctx, cancel := context.WithCancel(ctx)
	m.subs[target] = cancel
	m.mu.Unlock()

	go func() {
		for {
			st, err := m.dial(cctx, target)
			if err != nil {
				select {
				case <-cctx.Done():
					return
				case <-time.After(m.backoff):
					continue
				}
			}
			for {
				n, err := st.Recv()
				if err != nil {
					break
				}
				m.out <- n
			}
		}
	}()
}

func (m *Manager) Stop(target string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if cancel, ok := m.subs[target]; ok {
		cancel()
		delete(m.subs, target)
	}
}

func (m *Manager) Shutdown() {
	m.mu.Lock()
	for t, cancel := range m.subs {
		cancel()
		delete(m.subs, t)
	}
	m.mu.Unlock()
	close(m.out)
}
'''
COLLECTOR_SUB_TEST = '''
func TestShutdownStopsAllStreams(t *testing.T) {
	fake := newFakeDialer(3) // each stream yields 3 notifications then io.EOF
	m := &Manager{subs: map[string]context.CancelFunc{}, out: make(chan *gpb.Notification, 16),
		dial: fake.Dial, backoff: time.Millisecond}
	for _, tgt := range []string{"pe1", "pe2", "pe3"} {
		m.Start(context.Background(), tgt)
	}
	time.Sleep(20 * time.Millisecond)
	m.Shutdown()
	count := 0
	for range m.out {
		count++
	}
	if count < 9 {
		t.Fatalf("expected at least 9 notifications, got %d", count)
	}
}
'''
FLAKE_GO = '''
=== RUN   TestShutdownStopsAllStreams
panic: send on closed channel

goroutine 41 [running]:
collector/internal/subscribe.(*Manager).Start.func1()
	collector/internal/subscribe/manager.go:44 +0x1b4
FAIL	collector/internal/subscribe	0.061s
--- CI history (last 50 runs): 44 pass, 4 panic as above, 2 "expected at least 9 notifications, got 6"
--- with -race: 50/50 fail with DATA RACE on m.out close vs send
'''
t('complex', 'flaky-test-analysis',
  'TestShutdownStopsAllStreams in the collector: mostly green, sometimes panics, sometimes short count. Fix the test or the code, whichever is wrong, and tell me which.',
  files=[('collector/internal/subscribe/manager.go', COLLECTOR_SUB),
         ('collector/internal/subscribe/manager_test.go', COLLECTOR_SUB_TEST),
         ('ci/flake-TestShutdownStopsAllStreams.txt', FLAKE_GO)], fw='go test', lang=None)

VAULT_VARS = '''
---
# group_vars/core_routers/main.yml
ansible_network_os: cisco.iosxr.iosxr
ansible_connection: ansible.netcommon.network_cli
ansible_user: svc-netauto
ansible_password: "{{ vault_svc_netauto_password }}"
snmp_location: "Tier3 DC North"
snmp_communities:
  - name: NOC-RO-7f3c
    access: ro
    acl: SNMP-NOC
  - name: "{{ vault_snmp_rw }}"
    access: rw
    acl: SNMP-NMS
tacacs_servers:
  - ip: 10.255.0.10
    key: "7 0822455D0A16544541"
  - ip: 10.255.0.11
    key: "{{ vault_tacacs_key }}"
ntp_servers: [10.255.0.20, 10.255.0.21]
bgp_md5_default: "{{ vault_bgp_md5 }}"
syslog_host: 10.255.1.5
'''
# why: mechanical scan of a 25-line vars file for values that should be vault references; no code, no flows
t('simple', 'security-scan',
  'Before I push this group_vars to the shared repo: anything in here that should be in vault and is not?',
  files=[('inventories/prod/group_vars/core_routers/main.yml', VAULT_VARS)], fw='ansible', lang=None)

NAPALM_OUT = '''
RP/0/RSP0/CPU0:pe-ams-02#show bgp ipv4 unicast summary
BGP router identifier 10.0.0.42, local AS number 64512
Neighbor        Spk    AS MsgRcvd MsgSent   TblVer  InQ OutQ  Up/Down  St/PfxRcd
10.0.1.1          0 64512  982311  411201  8812231    0    0     5w2d     812344
192.0.2.77        0 4200000101   22011   23004  8812231    0    0    3d04h          15
198.51.100.9      0 64086.59905   1201    1188  8812231    0    0    11:02:15        4
203.0.113.4       0   174       0       0        0    0    0 00:00:00 Idle (Admin)
'''
NAPALM_PARSE = '''
import re

ROW = re.compile(
    r"^(?P<peer>\\d+\\.\\d+\\.\\d+\\.\\d+)\\s+\\d+\\s+(?P<asn>\\d+)\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+"
    r"(?P<updown>\\S+)\\s+(?P<state>\\S+)$"
)


def parse_xr_summary(text):
    peers = {}
    for line in text.splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        state = m.group("state")
        peers[m.group("peer")] = {
            "remote_as": int(m.group("asn")),
            "is_up": state.isdigit(),
            "prefixes_received": int(state) if state.isdigit() else 0,
            "uptime": m.group("updown"),
        }
    return peers
'''
t('medium', 'defect-analysis',
  'Our XR summary parser only returns 2 of the 4 neighbors on pe-ams-02. The peering dashboard is missing the asdot '
  'one and the admin-down one. Find why and fix the regex without breaking the other XR boxes.',
  files=[('tests/fixtures/pe-ams-02_bgp_summary.txt', NAPALM_OUT), ('netauto/parsers/xr_bgp.py', NAPALM_PARSE)],
  fw='pytest', lang=None, reqs=['asdot ASN must come back as asplain int', '"Idle (Admin)" is a valid state'])

BENCH = '''
goos: linux
goarch: amd64
pkg: collector/internal/decode
cpu: AMD EPYC 7443P 24-Core Processor
BenchmarkDecodeJSONIETF-48        	   41229	     28811 ns/op	   11288 B/op	     201 allocs/op
BenchmarkDecodeProto-48           	  312004	      3702 ns/op	    1536 B/op	      18 allocs/op
BenchmarkDecodeProtoPooled-48     	  498771	      2391 ns/op	     312 B/op	       4 allocs/op
BenchmarkFlattenPath-48           	 2011923	       597 ns/op	     224 B/op	       6 allocs/op
BenchmarkFlattenPathCached-48     	 9411230	       128 ns/op	       0 B/op	       0 allocs/op
PASS
ok  	collector/internal/decode	9.214s
'''
t('simple', 'performance-testing',
  'Bench run from the decode package. Rank them and tell me how much the pooled proto decode and the path cache buy us.',
  files=[('bench/decode-2024-05-20.txt', BENCH)], fw='go test', lang=None)

t('simple', 'test-execution',
  'Run only the tests marked netconf in the netauto repo and give me pass/fail counts.', fw='pytest', lang=None)

JINJA_TPL = '''
{# templates/iosxr/customer_bgp.j2  rendered from NetBox custom fields filled in by the provisioning team #}
router bgp {{ local_asn }}
 vrf {{ vrf_name }}
  neighbor {{ peer_ip }}
   remote-as {{ customer_asn }}
   description {{ customer_name }} | {{ circuit_id }}
   password encrypted {{ md5_secret }}
   address-family ipv4 unicast
    route-policy {{ import_policy | default("CUST-IN-" ~ customer_asn) }} in
    maximum-prefix {{ max_prefix | default(100) }} 90
    route-policy {{ export_policy | default("CUST-OUT-DEFAULT") }} out
'''
RENDER = '''
import jinja2
import pynetbox

from netauto.push.pusher import ConfigPusher

env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), trim_blocks=True)


def render_customer(nb: pynetbox.api, circuit_id: str) -> str:
    ckt = nb.circuits.circuits.get(cid=circuit_id)
    cf = ckt.custom_fields
    tpl = env.get_template("iosxr/customer_bgp.j2")
    return tpl.render(
        local_asn=64512,
        vrf_name=cf["vrf"],
        peer_ip=cf["peer_ip"],
        customer_asn=cf["customer_asn"],
        customer_name=ckt.tenant.name,
        circuit_id=ckt.cid,
        md5_secret=cf["bgp_md5"],
        import_policy=cf.get("import_policy"),
        export_policy=cf.get("export_policy"),
        max_prefix=cf.get("max_prefix"),
    )


def provision(nb, circuit_id, pe_host, creds):
    text = render_customer(nb, circuit_id)
    p = ConfigPusher(pe_host, **creds)
    try:
        p.push([l for l in text.splitlines() if l.strip()])
        p.confirm()
    finally:
        p.close()
'''
NB_PERMS = '''
# NetBox object permissions (export)
group: provisioning      objects: circuits.circuit, tenancy.tenant   actions: view, add, change
group: customer-portal   objects: tenancy.tenant (own tenant only)  actions: view, change   fields: name, description
group: noc               objects: *                                  actions: view
'''
# why: newline/config injection from NetBox fields (tenant name is editable by the customer portal) into PE config: injection across trust boundaries, complex
t('complex', 'security-scan',
  'Customer BGP provisioning renders from NetBox and pushes straight to the PE. Check whether anything in that path '
  'lets someone get config onto the router that we did not intend.',
  files=[('templates/iosxr/customer_bgp.j2', JINJA_TPL), ('netauto/provision/customer.py', RENDER),
         ('docs/netbox-permissions.txt', NB_PERMS)], lang=None)

PREFIX_FMT = '''
def prefix_list_lines(name: str, entries: list[tuple[str, int | None, int | None]], start_seq: int = 10, step: int = 10) -> list[str]:
    """entries: (prefix, ge, le). Returns IOS prefix-list lines."""
    out = []
    seq = start_seq
    for prefix, ge, le in entries:
        line = f"ip prefix-list {name} seq {seq} permit {prefix}"
        if ge is not None:
            line += f" ge {ge}"
        if le is not None:
            line += f" le {le}"
        out.append(line)
        seq += step
    return out
'''
t('simple', 'test-generation',
  'Bit of background: this is part of the upstream filter generator. Every night it pulls our customer cones from the '
  'IRR via bgpq4, merges them with the static list the peering team keeps in git, and renders prefix-lists for the '
  'four transit edges (two Cogent, one Lumen, one Arelion). The rendered files go through review, then a change '
  'window on Thursday pushes them with commit confirmed, and if the session count drops we roll back. None of that is '
  'in scope right now. I only want pytest tests for this one formatting function: sequence numbering, the ge/le '
  'combinations, an empty list.',
  files=[('netauto/filters/render.py', PREFIX_FMT)], fw='pytest', lang=None)

MOLECULE_NOTE = '''
roles/ospf_interfaces/molecule/default/molecule.yml uses the docker driver with a cEOS 4.30 image.
Scenario: create -> converge -> idempotence -> verify -> destroy.
'''
t('simple', 'test-execution',
  'Run molecule test for the ospf_interfaces role and tell me which stage fails, if any.',
  files=[('roles/ospf_interfaces/molecule/README.txt', MOLECULE_NOTE)], fw='molecule', lang=None)

ORCH_FILES = []
ORCH_FILES.append(('netauto/orchestrator/states.py', '''
from enum import Enum


class ChangeState(Enum):
    PLANNED = "planned"
    PRECHECK = "precheck"
    PUSHING = "pushing"
    AWAIT_CONFIRM = "await_confirm"
    POSTCHECK = "postcheck"
    CONFIRMED = "confirmed"
    ROLLING_BACK = "rolling_back"
    ROLLED_BACK = "rolled_back"
    FAILED = "failed"
    ABORTED = "aborted"


TRANSITIONS = {
    ChangeState.PLANNED: {ChangeState.PRECHECK, ChangeState.ABORTED},
    ChangeState.PRECHECK: {ChangeState.PUSHING, ChangeState.ABORTED, ChangeState.FAILED},
    ChangeState.PUSHING: {ChangeState.AWAIT_CONFIRM, ChangeState.ROLLING_BACK, ChangeState.FAILED},
    ChangeState.AWAIT_CONFIRM: {ChangeState.POSTCHECK, ChangeState.ROLLED_BACK},
    ChangeState.POSTCHECK: {ChangeState.CONFIRMED, ChangeState.ROLLING_BACK},
    ChangeState.ROLLING_BACK: {ChangeState.ROLLED_BACK, ChangeState.FAILED},
}
'''))
ORCH_FILES.append(('netauto/orchestrator/runner.py', '''
import asyncio
import logging

from .states import ChangeState, TRANSITIONS
from .store import ChangeStore
from .device import DeviceSession

log = logging.getLogger(__name__)


class IllegalTransition(Exception):
    pass


class ChangeRunner:
    def __init__(self, store: ChangeStore, max_parallel: int = 20):
        self.store = store
        self.sem = asyncio.Semaphore(max_parallel)

    async def move(self, change_id, device, new):
        cur = await self.store.state(change_id, device)
        if new not in TRANSITIONS.get(cur, set()):
            raise IllegalTransition(f"{device}: {cur} -> {new}")
        await self.store.set_state(change_id, device, new)

    async def run_device(self, change, device):
        async with self.sem:
            await self.move(change.id, device, ChangeState.PRECHECK)
            sess = DeviceSession(device)
            if not await sess.precheck(change.prechecks):
                await self.move(change.id, device, ChangeState.ABORTED)
                return
            await self.move(change.id, device, ChangeState.PUSHING)
            try:
                await sess.push(change.config_for(device), confirm_minutes=change.confirm_minutes)
            except Exception:
                log.exception("push failed on %s", device)
                await self.move(change.id, device, ChangeState.ROLLING_BACK)
                await sess.rollback()
                await self.move(change.id, device, ChangeState.ROLLED_BACK)
                return
            await self.move(change.id, device, ChangeState.AWAIT_CONFIRM)
            await self.move(change.id, device, ChangeState.POSTCHECK)
            if await sess.postcheck(change.postchecks):
                await sess.confirm()
                await self.move(change.id, device, ChangeState.CONFIRMED)
            else:
                await self.move(change.id, device, ChangeState.ROLLING_BACK)
                await sess.rollback()
                await self.move(change.id, device, ChangeState.ROLLED_BACK)

    async def run(self, change):
        await asyncio.gather(*(self.run_device(change, d) for d in change.devices))
'''))
ORCH_FILES.append(('netauto/orchestrator/store.py', '''
import json
import redis.asyncio as redis


class ChangeStore:
    def __init__(self, url):
        self.r = redis.from_url(url)

    async def state(self, change_id, device):
        from .states import ChangeState
        v = await self.r.hget(f"chg:{change_id}", device)
        return ChangeState(v.decode()) if v else ChangeState.PLANNED

    async def set_state(self, change_id, device, state):
        await self.r.hset(f"chg:{change_id}", device, state.value)
        await self.r.xadd(f"chg:{change_id}:log", {"device": device, "state": state.value})

    async def summary(self, change_id):
        raw = await self.r.hgetall(f"chg:{change_id}")
        return {k.decode(): v.decode() for k, v in raw.items()}
'''))
ORCH_FILES.append(('netauto/orchestrator/device.py', '''
import asyncio
from scrapli.driver.core import AsyncIOSXRDriver


class DeviceSession:
    def __init__(self, host, creds=None):
        self.host = host
        self.creds = creds or {}
        self.conn = None

    async def _open(self):
        if self.conn is None:
            self.conn = AsyncIOSXRDriver(host=self.host, transport="asyncssh", **self.creds)
            await self.conn.open()

    async def precheck(self, checks):
        await self._open()
        for cmd, expect in checks:
            r = await self.conn.send_command(cmd)
            if expect not in r.result:
                return False
        return True

    async def push(self, lines, confirm_minutes):
        await self._open()
        await self.conn.send_configs(lines + [f"commit confirmed {confirm_minutes}m"], stop_on_failed=True)

    async def postcheck(self, checks):
        await asyncio.sleep(30)
        return await self.precheck(checks)

    async def confirm(self):
        await self.conn.send_configs(["commit"])

    async def rollback(self):
        await self._open()
        await self.conn.send_configs(["abort"])
        await self.conn.send_command("rollback configuration last 1")
'''))
ORCH_FILES.append(('netauto/orchestrator/timer.py', '''
import asyncio
import time


class ConfirmTimer:
    """Tracks the commit-confirmed deadline per device so postchecks never outlive it."""

    def __init__(self, minutes):
        self.deadline = time.monotonic() + minutes * 60

    def remaining(self):
        return max(0.0, self.deadline - time.monotonic())

    async def guard(self, coro, margin=20):
        budget = self.remaining() - margin
        if budget <= 0:
            raise TimeoutError("confirm window nearly expired")
        return await asyncio.wait_for(coro, timeout=budget)
'''))
ORCH_FILES.append(('netauto/orchestrator/api.py', '''
from fastapi import FastAPI, HTTPException

from .runner import ChangeRunner
from .store import ChangeStore
from .models import load_change

app = FastAPI()
store = ChangeStore("redis://redis:6379/2")
runner = ChangeRunner(store)


@app.post("/changes/{change_id}/run")
async def run_change(change_id: str):
    change = load_change(change_id)
    if change is None:
        raise HTTPException(404)
    await runner.run(change)
    return await store.summary(change_id)


@app.get("/changes/{change_id}")
async def get_change(change_id: str):
    return await store.summary(change_id)
'''))
ORCH_COV = '''
Name                                  Stmts   Miss Branch BrPart  Cover   Missing
netauto/orchestrator/states.py           14      0      0      0   100%
netauto/orchestrator/runner.py           48     14     12      5    64%   34-36, 44-48, 52-56
netauto/orchestrator/store.py            17      2      2      1    84%   12
netauto/orchestrator/device.py           32     18      8      4    41%   16-17, 22-24, 31-32, 38-41
netauto/orchestrator/timer.py            12     12      2      0     0%   1-20
netauto/orchestrator/api.py              17      3      2      1    78%   16-17, 22
TOTAL                                   140     49     26     11    62%
'''
t('complex', 'coverage-analysis',
  'Orchestrator coverage is 62% and the team wants to "get it to 80". I would rather know which gaps could leave a '
  'router half-changed or unconfirmed at the end of a window. Rank the gaps by that and tell me what to test first.',
  files=ORCH_FILES + [('reports/coverage-orchestrator.txt', ORCH_COV)], fw='pytest', lang=None)

CHG_LOGS = '''
# orchestrator (api pod) CHG-23990, 12 devices, confirm_minutes=5
01:04:11.220 INFO  runner pe-man-03 PRECHECK -> PUSHING
01:04:13.902 ERROR runner push failed on pe-man-03: ScrapliCommandFailure: '% Invalid input detected' on 'route-policy CUST-IN-65011 in'
01:04:13.903 INFO  runner pe-man-03 PUSHING -> ROLLING_BACK
01:04:15.410 INFO  runner pe-man-03 ROLLING_BACK -> ROLLED_BACK
01:04:19.771 INFO  runner pe-man-05 AWAIT_CONFIRM -> POSTCHECK
01:09:21.004 WARN  runner pe-man-05 postcheck still running (sem wait 4m52s)
01:09:49.880 INFO  runner pe-man-05 POSTCHECK -> CONFIRMED
# pe-man-03 syslog
01:04:13 %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'svc-netauto'. Use 'show configuration commit changes 1000004471' to view the changes.
01:04:14 %MGBL-CONFIG-6-DB_COMMIT_ABORT : (aborted candidate, nothing to abort)
01:04:15 %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'svc-netauto'. Use 'show configuration commit changes 1000004472' to view the changes.
01:04:15 %ROUTING-BGP-5-ADJCHANGE : neighbor 203.0.113.66 Down - Admin. shutdown (VRF: CUST-B)
# pe-man-05 syslog
01:04:19 %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'svc-netauto' (commit confirmed 5 min). Use 'show configuration commit changes 1000009120'
01:09:19 %MGBL-CONFIG-4-CONFIRM_TIMEOUT : Commit confirm timeout. Rolling back commit 1000009120
01:09:49 %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'svc-netauto'. (nothing to commit)
# redis stream chg:CHG-23990:log says pe-man-05 = confirmed, pe-man-03 = rolled_back
# NOC ticket: customer B (on pe-man-03) down since 01:04, was NOT part of CHG-23990. pe-man-05 runs the old config but the tool shows confirmed.
'''
# why: root cause spans orchestrator, device session, redis state and two routers' commit history (wrong rollback target plus confirm timer expiry hidden by the semaphore): complex
t('complex', 'defect-analysis',
  'Last night\'s window went wrong on two boxes and the tool says everything is fine. Customer B went down on pe-man-03 '
  'though they were not in the change, and pe-man-05 is showing confirmed but runs the old config. Find out what happened.',
  files=ORCH_FILES + [('logs/CHG-23990-combined.log', CHG_LOGS)], lang=None)

SET_TEST = '''
from netauto.inventory.lldp import neighbors_of


def test_neighbors_of_cr1(lldp_fixture):
    result = neighbors_of(lldp_fixture, "cr1-nth")
    assert list(result) == ["agg1-nth", "agg2-nth", "cr2-nth"]
'''
SET_SRC = '''
def neighbors_of(lldp_rows, host):
    return {r["remote_host"] for r in lldp_rows if r["local_host"] == host}
'''
t('simple', 'flaky-test-analysis',
  'test_neighbors_of_cr1 fails maybe one run in five, no code changes in between. Why?',
  files=[('tests/unit/test_lldp.py', SET_TEST), ('netauto/inventory/lldp.py', SET_SRC)], fw='pytest', lang=None)

GO_COVER = 'mode: set\n' + lines(40, lambda i: (
    f'collector/internal/{["decode","export","subscribe","config"][i%4]}/'
    f'{["proto","jsonietf","kafka","manager","loader"][i%5]}.go:{10+i*6}.{2}: {10+i*6+4}.{16} '
    f'{1 + i%4} {0 if i in (3, 7, 11, 14, 19, 22, 27, 33, 38) else 1}'))
GO_FUNC = '''
collector/internal/export/kafka.go:31:     NewProducer        100.0%
collector/internal/export/kafka.go:58:     Send               62.5%
collector/internal/export/kafka.go:97:     handleErrors       0.0%
collector/internal/export/kafka.go:131:    Close              50.0%
collector/internal/decode/proto.go:22:     Decode             88.9%
collector/internal/decode/jsonietf.go:40:  DecodeJSONIETF     71.4%
collector/internal/subscribe/manager.go:20: Start             60.0%
collector/internal/subscribe/manager.go:52: Stop              100.0%
collector/internal/subscribe/manager.go:61: Shutdown          100.0%
collector/internal/config/loader.go:18:    Load               45.0%
total:                                     (statements)       68.3%
'''
KAFKA_GO = '''
package export

import (
	"log/slog"

	"github.com/IBM/sarama"
)

type Producer struct {
	ap      sarama.AsyncProducer
	topic   string
	dropped uint64
	log     *slog.Logger
}

func (p *Producer) Send(key string, payload []byte) {
	msg := &sarama.ProducerMessage{Topic: p.topic, Key: sarama.StringEncoder(key), Value: sarama.ByteEncoder(payload)}
	select {
	case p.ap.Input() <- msg:
	default:
		p.dropped++
		if p.dropped%1000 == 1 {
			p.log.Warn("kafka input full, dropping", "dropped", p.dropped)
		}
	}
}

func (p *Producer) handleErrors() {
	for err := range p.ap.Errors() {
		if err.Err == sarama.ErrMessageSizeTooLarge {
			p.log.Error("message too large", "key", err.Msg.Key, "topic", err.Msg.Topic)
			continue
		}
		p.log.Error("kafka produce failed", "err", err.Err)
	}
}

func (p *Producer) Close() error {
	if p.ap == nil {
		return nil
	}
	return p.ap.Close()
}
'''
t('medium', 'coverage-analysis',
  'Go coverage for the collector. Export package looks weak. Tell me which uncovered paths in kafka.go matter and '
  'sketch the tests, using sarama mocks.',
  files=[('collector/cover.out', GO_COVER), ('collector/cover-func.txt', GO_FUNC),
         ('collector/internal/export/kafka.go', KAFKA_GO)], fw='go test', lang=None)

t('simple', 'coverage-analysis',
  'From this func summary, which collector functions are below 50%? Just the list.',
  files=[('collector/cover-func.txt', GO_FUNC)], fw='go test', lang=None)

JUNIT_SUM = 'job,suite,tests,failures,errors,skipped,duration_s\n' + lines(72, lambda i: (
    f'{["unit-py39","unit-py311","go-collector","molecule-ospf","molecule-bgp","molecule-ntp","batfish","lint"][i%8]},'
    f'{["parsers","push","inventory","netconf","filters","orchestrator","decode","export","subscribe"][i%9]},'
    f'{20 + (i*13)%140},{1 if i == 45 else 0},0,{(i*3)%4},{round(3.5 + (i*1.7)%40, 1)}'))
t('simple', 'quality-gate',
  'Merge gate is "no failures, no errors across all jobs". CSV from the pipeline below. Does MR !1182 pass?',
  files=[('ci/mr-1182-junit-summary.csv', JUNIT_SUM)], lang=None)

SESS_LIST = [('netauto/' + p, c) for p, c in [
    ('push/pusher.py', PUSHER),
    ('netconf/client.py', NC_CLIENT),
    ('orchestrator/device.py', ORCH_FILES[3][1]),
    ('inventory/ssh_config.py', '''
import paramiko

def jump_client(jump_host, user, key_path):
    c = paramiko.SSHClient()
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(jump_host, username=user, key_filename=key_path, timeout=10)
    return c
'''),
    ('collector_admin/gnmi_probe.py', '''
from pygnmi.client import gNMIclient

def probe(host, creds):
    with gNMIclient(target=(host, 57400), username=creds["user"], password=creds["password"],
                    insecure=True, skip_verify=True) as gc:
        return gc.capabilities()
'''),
    ('settings.py', '''
import os
TOKEN_SECRET = os.environ.get("NETAUTO_TOKEN_SECRET", "changeme-dev-only").encode()
NOC_USERS = {u.strip() for u in os.environ.get("NETAUTO_NOC_USERS", "").split(",") if u.strip()}
SSH_KNOWN_HOSTS = os.environ.get("NETAUTO_KNOWN_HOSTS", "~/.ssh/known_hosts")
'''),
]]
t('complex', 'security-scan',
  'Audit question from the security team: "can someone on the mgmt network impersonate a router or the jump host to '
  'our automation and harvest the svc-netauto credentials?" Here is every place we open a session. Answer it properly.',
  files=SESS_LIST, lang=None,
  reqs=['cover SSH, NETCONF and gNMI paths', 'say what the fix is per path, including where known_hosts should come from'])

XDIST_FIX = '''
import json
import pytest

CACHE = "/tmp/netauto-inventory-cache.json"


@pytest.fixture
def inventory(tmp_path_factory):
    data = {"pe-lon-01": {"platform": "iosxr"}, "pe-lon-02": {"platform": "iosxr"}}
    with open(CACHE, "w") as f:
        json.dump(data, f)
    yield CACHE
    import os
    os.remove(CACHE)
'''
XDIST_LOG = '''
pytest -n 8 tests/unit
[gw3] FAILED tests/unit/test_inventory_cache.py::test_load_cache_adds_defaults - FileNotFoundError: [Errno 2] No such file or directory: '/tmp/netauto-inventory-cache.json'
[gw5] FAILED tests/unit/test_inventory_cache.py::test_refresh_keeps_platform - json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
== 2 failed, 611 passed in 14.22s ==
rerun with -n 0: 613 passed
'''
t('medium', 'flaky-test-analysis',
  'Only fails with xdist. Serial is always green.',
  files=[('tests/unit/conftest.py', XDIST_FIX), ('ci/logs/unit-xdist.log', XDIST_LOG)], fw='pytest', lang=None)

UNITTEST = '''
import unittest

from netauto.util.ifname import normalise_ifname
from netauto.bgp.asn import parse_asn


class TestIfname(unittest.TestCase):
    def test_short(self):
        self.assertEqual(normalise_ifname("Gi0/0/1"), "GigabitEthernet0/0/1")

    def test_bundle(self):
        self.assertEqual(normalise_ifname("BE100"), "Bundle-Ether100")

    def test_empty(self):
        with self.assertRaises(ValueError):
            normalise_ifname("  ")


class TestAsn(unittest.TestCase):
    def test_asdot(self):
        self.assertEqual(parse_asn("1.10"), 65546)

    def test_prefix(self):
        self.assertEqual(parse_asn("AS65000"), 65000)

    def test_range(self):
        for bad in (0, 4294967296, "-1"):
            with self.subTest(bad=bad):
                with self.assertRaises(ValueError):
                    parse_asn(bad)


if __name__ == "__main__":
    unittest.main()
'''
t('simple', 'test-generation',
  'Convert this old unittest file to plain pytest style, parametrize where it is obvious. Same coverage, nothing new.',
  files=[('tests/test_legacy_utils.py', UNITTEST)], fw='pytest', lang=None)

YANG_BUILDER = '''
from lxml import etree

NS = {
    "oc-if": "http://openconfig.net/yang/interfaces",
    "oc-ni": "http://openconfig.net/yang/network-instance",
    "xr-bgp": "http://cisco.com/ns/yang/Cisco-IOS-XR-ipv4-bgp-cfg",
}


class FilterError(ValueError):
    pass


def xpath_to_subtree(path: str) -> str:
    """'/oc-if:interfaces/interface[name=Bundle-Ether10]/config' -> subtree filter XML.
    Supports one or more [key=value] predicates per element; namespace is taken from the
    first element's prefix and inherited by children unless they carry their own prefix."""
    if not path.startswith("/"):
        raise FilterError("path must be absolute")
    parts = _split(path[1:])
    if not parts:
        raise FilterError("empty path")
    root = None
    parent = None
    ns = None
    for part in parts:
        name, keys = _parse_part(part)
        if ":" in name:
            prefix, name = name.split(":", 1)
            if prefix not in NS:
                raise FilterError(f"unknown prefix {prefix}")
            ns = NS[prefix]
        elif ns is None:
            raise FilterError("first element needs a prefix")
        el = etree.Element(f"{{{ns}}}{name}", nsmap={None: ns}) if parent is None else etree.SubElement(parent, f"{{{ns}}}{name}")
        for k, v in keys:
            kel = etree.SubElement(el, f"{{{ns}}}{k}")
            kel.text = v
        if root is None:
            root = el
        parent = el
    return etree.tostring(root).decode()


def _split(path):
    out, buf, depth = [], "", 0
    for ch in path:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth < 0:
                raise FilterError("unbalanced ]")
        if ch == "/" and depth == 0:
            out.append(buf)
            buf = ""
        else:
            buf += ch
    if depth != 0:
        raise FilterError("unbalanced [")
    if buf:
        out.append(buf)
    return [p for p in out if p]


def _parse_part(part):
    if "[" not in part:
        return part, []
    name, rest = part.split("[", 1)
    keys = []
    for pred in ("[" + rest).strip("[]").split("]["):
        if "=" not in pred:
            raise FilterError(f"bad predicate {pred}")
        k, v = pred.split("=", 1)
        keys.append((k.strip(), v.strip().strip("'\\"")))
    return name, keys
'''
t('medium', 'test-generation',
  'Tests for the xpath-to-subtree helper. Interface names with slashes inside predicates are the thing that bites us '
  '(GigabitEthernet0/0/0/1).',
  files=[('netauto/netconf/filters.py', YANG_BUILDER)], fw='pytest', lang=None,
  reqs=['compare XML semantically, not as strings', 'slashes and quotes inside key values',
        'multiple predicates, prefix switching mid-path, every FilterError'])

# why: one line, but it needs environment setup (mock target, Kafka) and telling env failures from code ones for one service: medium
t('medium', 'test-execution',
  'Run the collector integration tests. They need the gNMI mock target and a single-node Kafka up first '
  '(docker compose file is in collector/test/). Run with -race and tell me what fails and whether it is the code or '
  'the environment.', fw='go test', lang=None)

ANSIBLE_ERR = '''
TASK [bgp_neighbors : render neighbor block] ***********************************
fatal: [pe-par-04]: FAILED! => {"msg": "The task includes an option with an undefined variable. The error was: 'dict object' has no attribute 'md5_key'\\n\\nThe error appears to be in 'roles/bgp_neighbors/tasks/main.yml': line 14, column 3"}
ok: [pe-par-01]
ok: [pe-par-02]
ok: [pe-par-03]
'''
ANSIBLE_VARS = '''
# host_vars/pe-par-04.yml
bgp_neighbors:
  - ip: 192.0.2.10
    remote_as: 3356
    description: LUMEN-TRANSIT
    md5_key: "{{ vault_lumen_md5 }}"
  - ip: 198.51.100.20
    remote_as: 64600
    description: CUST-ACME
'''
t('simple', 'defect-analysis',
  'Playbook died on pe-par-04 only. Why, and what is the one-line fix in the role?',
  files=[('logs/bgp_neighbors-run.txt', ANSIBLE_ERR), ('inventories/prod/host_vars/pe-par-04.yml', ANSIBLE_VARS)],
  fw='ansible', lang=None)

BENCHSTAT = 'name                         old time/op    new time/op    delta\n' + lines(36, lambda i: (
    f'{["Decode","DecodeJSONIETF","Flatten","Export","Marshal","Route"][i%6]}{["Iface","Bgp","Ospf","Lldp","Sys","Qos"][i//6]}-48'
    f'{"":>8}{1000 + i*37} ns ± 2%   {int((1000 + i*37) * (1.18 if i in (4, 17, 29) else (0.97 if i%3 else 1.02)))} ns ± 3%'
    f'   {"+18.00%" if i in (4, 17, 29) else ("-3.00%" if i%3 else "~")}'))
t('simple', 'performance-testing',
  'benchstat old vs new for the collector PR. Which benchmarks regressed more than 10%?',
  files=[('bench/benchstat-pr-311.txt', BENCHSTAT)], fw='go test', lang=None)

BANDIT = lines(30, lambda i: (
    f'>> Issue: [{["B507:ssh_no_host_key_verification","B105:hardcoded_password_string","B603:subprocess_without_shell_equals_true","B311:random","B506:yaml_load"][i%5]}] '
    f'Severity: {["High","Low","Low","Low","Medium"][i%5]}   Confidence: {["High","Medium","High","High","High"][i%5]}\n'
    f'   Location: scripts/{["backup_configs","lab_reset","ztp_helper","jitter_sched","load_inventory","audit_snmp"][i%6]}.py:{12 + i*3}'))
# why: the ask is only to tally and group an already-produced bandit report, not to judge the findings
t('simple', 'security-scan',
  'Bandit output over scripts/ below. Group it by issue type and severity with counts, and list the files for the High ones.',
  files=[('reports/bandit-scripts.txt', BANDIT)], lang=None)

BGP_CFG = '''
router bgp 64512
 bgp router-id 10.0.0.12
 bgp log neighbor changes detail
 address-family ipv4 unicast
  network 203.0.113.0/24
 !
 neighbor-group IBGP-RR
  remote-as 64512
  update-source Loopback0
  password encrypted 060506324F41
  address-family ipv4 unicast
   next-hop-self
 !
 neighbor 10.0.0.1
  use neighbor-group IBGP-RR
 !
 neighbor 10.0.0.2
  use neighbor-group IBGP-RR
 !
 neighbor 192.0.2.1
  remote-as 3356
  description LUMEN-TRANSIT
  address-family ipv4 unicast
   route-policy PASS-ALL in
   route-policy EXPORT-CUST out
 !
 neighbor 198.51.100.33
  remote-as 65033
  description CUST-WIDGETCO
  ebgp-multihop 5
  address-family ipv4 unicast
   route-policy PASS-ALL in
   route-policy DEFAULT-ONLY out
 !
 neighbor 185.1.0.44
  remote-as 13335
  description IXP-PEER
  ttl-security
  address-family ipv4 unicast
   route-policy IXP-IN in
   maximum-prefix 5000 90
   route-policy EXPORT-CUST out
!
route-policy PASS-ALL
  pass
end-policy
!
route-policy IXP-IN
  if destination in BOGONS then
    drop
  endif
  pass
end-policy
!
snmp-server community public RO
snmp-server community NOC-RW-2019 RW
ssh server v2
ssh server vrf default
line default
 transport input ssh telnet
'''
t('medium', 'security-scan',
  'Review pe-lon-02 edge config against our edge hardening baseline before it goes into production next window.',
  files=[('configs/pe-lon-02.cfg', BGP_CFG)], lang=None,
  reqs=['baseline: max-prefix and inbound policy with bogon/RPKI filtering on every eBGP session, MD5 or TCP-AO on '
        'transit and customer sessions, GTSM where single-hop, no RW SNMP communities, no telnet on vty'])

GO_TLS = '''
package dialer

import (
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
)

// Routers present self-signed certs generated at ZTP. We pin the SHA-256 of the
// leaf cert from NetBox instead of running a CA.
func Credentials(pins map[string]string) grpc.DialOption {
	cfg := &tls.Config{
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS12,
		VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
			for _, c := range raw {
				sum := sha256.Sum256(c)
				fp := hex.EncodeToString(sum[:])
				for _, pin := range pins {
					if fp == pin {
						return nil
					}
				}
			}
			return errors.New("no pinned certificate presented")
		},
	}
	return grpc.WithTransportCredentials(credentials.NewTLS(cfg))
}
'''
t('complex', 'security-scan',
  'Cert pinning for gNMI dial-in in the collector. It works in the lab. Is it actually safe?',
  files=[('collector/internal/dialer/tls.go', GO_TLS)], fw='go test', lang=None)

MOLE_LOG = '''
TASK [ospf_interfaces : set ospf cost from interface speed] ********************
changed: [ceos1]
PLAY RECAP *********************************************************************
ceos1 : ok=9 changed=1 unreachable=0 failed=0
CRITICAL Idempotence test failed because of the following tasks:
*  => ospf_interfaces : set ospf cost from interface speed
--- in 3 of the last 10 runs; the other 7 pass idempotence ---
'''
MOLE_TASK = '''
- name: gather interface facts
  arista.eos.eos_facts:
    gather_subset: [interfaces]

- name: set ospf cost from interface speed
  arista.eos.eos_config:
    lines:
      - "ip ospf cost {{ (reference_bw_mbps / (ansible_net_interfaces[item].bandwidth / 1000)) | int }}"
    parents: "interface {{ item }}"
  loop: "{{ ospf_interfaces }}"
  when: ansible_net_interfaces[item].lineprotocol == 'up'
'''
# why: one flaky role test diagnosed from its log and one task file (link state/bandwidth read at fact time): medium, not complex
t('medium', 'flaky-test-analysis',
  'molecule idempotence on ospf_interfaces fails now and then on cEOS. Nothing changed in the role.',
  files=[('ci/logs/molecule-ospf-interfaces.log', MOLE_LOG), ('roles/ospf_interfaces/tasks/main.yml', MOLE_TASK)],
  fw='molecule', lang=None)

t('medium', 'performance-testing',
  'Write a k6 script for the change API: 50 engineers hitting GET /changes/{id} while 5 submit POST /changes/{id}/run '
  'against the lab inventory. I want p95 for the reads while runs are in progress.',
  files=[('netauto/orchestrator/api.py', ORCH_FILES[5][1])], fw='k6', lang='javascript',
  reqs=['separate scenarios for readers and runners', 'thresholds: read p95 < 300ms, no 5xx',
        'runs must use lab change ids only, read them from an env var'])

LOCUST = 'Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,Max Response Time,Requests/s,95%,99%\n' + '\n'.join([
    'GET,/api/devices,18220,0,41,52,9,610,60.7,120,240',
    'GET,/api/devices/{id}/interfaces,9110,0,88,104,21,1450,30.4,260,520',
    'GET,/api/devices/{id}/bgp,9102,412,1900,2240,340,30011,30.3,5200,29800',
    'POST,/api/changes,905,0,140,171,66,980,3.0,380,610',
    'GET,/api/changes/{id},4520,0,35,44,8,430,15.1,95,180',
    'Aggregated,,41857,412,61,512,8,30011,139.5,1900,7400',
])
LOCUST_NOTE = '''
/api/devices/{id}/bgp calls napalm get_bgp_neighbors live on the box (no cache). Workers: 4 gunicorn sync workers.
Failures are all "504 Gateway Timeout" from nginx (proxy_read_timeout 30s).
'''
t('medium', 'performance-testing',
  'Locust run against the inventory API, 200 users, 5 min. What is the bottleneck and what would you change first?',
  files=[('perf/locust-inventory_stats.csv', LOCUST), ('perf/NOTES.txt', LOCUST_NOTE)], lang=None)

GO_LEAK = '''
package export

func (c *Collector) fanout(ctx context.Context, target string, notifs <-chan *gpb.Notification) {
	for n := range notifs {
		for _, sink := range c.sinks {
			ch := make(chan error, 1)
			go func(s Sink) { ch <- s.Write(ctx, target, n) }(sink)
			select {
			case err := <-ch:
				if err != nil {
					c.log.Warn("sink write", "sink", sink.Name(), "err", err)
				}
			case <-time.After(2 * time.Second):
				c.metrics.SinkTimeouts.WithLabelValues(sink.Name()).Inc()
			}
		}
	}
}
'''
PPROF = '''
goroutine profile: total 184213
181902 @ 0x43e2b6 0x44f1a5 ...
#	0x9a1c52	collector/internal/export.(*influxSink).Write+0x1f2	influx.go:77
#	0x9b0e11	collector/internal/export.(*Collector).fanout.func1+0x51	fanout.go:7
1201 @ ...  net/http.(*persistConn).readLoop
RSS grows ~1.1 GB/day, InfluxDB had two slow compactions this week; sink_timeouts_total{sink="influx"} = 181 944
'''
# why: goroutines are involved but the cause is visible in one function plus the profile (Write ignores the timeout); no race to reason about: medium
t('medium', 'defect-analysis',
  'Collector pods get OOM-killed every couple of days. Goroutine profile and the fanout code attached.',
  files=[('collector/internal/export/fanout.go', GO_LEAK), ('debug/pprof-goroutine.txt', PPROF)], fw='go test', lang=None)

TEXTFSM_TPL = '''
Value Required INTERFACE (\\S+)
Value STATE (FULL|2WAY|INIT|EXSTART|EXCHANGE|LOADING|DOWN)
Value NEIGHBOR_ID (\\d+\\.\\d+\\.\\d+\\.\\d+)
Value PRIORITY (\\d+)
Value DEAD_TIME (\\S+)
Value ADDRESS (\\d+\\.\\d+\\.\\d+\\.\\d+)

Start
  ^${NEIGHBOR_ID}\\s+${PRIORITY}\\s+${STATE}/\\s*\\S+\\s+${DEAD_TIME}\\s+${ADDRESS}\\s+${INTERFACE}\\s*$$ -> Record
'''
OSPF_OUT = '''
Neighbor ID     Pri   State           Dead Time   Address         Interface
10.0.0.1          1   FULL/  -        00:00:33    10.1.1.1        Bundle-Ether10
10.0.0.2          1   FULL/  -        00:00:38    10.1.1.5        Bundle-Ether11
10.0.0.7          0   FULL/DROTHER    00:00:31    10.1.9.2        TenGigE0/0/0/4
10.0.0.9          1   EXSTART/  -     00:00:36    10.1.9.6        TenGigE0/0/0/5.3101
10.0.0.11         1   FULL/  -        00:00:35    10.1.9.10       HundredGigE0/0/1/0
    Neighbor is up for 1w2d
'''
t('medium', 'defect-analysis',
  'Our OSPF neighbor template gives 3 rows instead of 5 on cr2-ldn, so the post-check thinks two adjacencies dropped '
  'and would have triggered a rollback. Find which lines fail to match and fix the template.',
  files=[('netauto/parsers/templates/cisco_xr_show_ospf_neighbor.textfsm', TEXTFSM_TPL),
         ('tests/fixtures/cr2-ldn_show_ospf_neighbor.txt', OSPF_OUT)], fw='pytest', lang=None,
  reqs=['DR/BDR/DROTHER and "-" roles', 'subinterfaces', 'ignore the uptime detail lines'])

GATE_GO = '''
collector release candidate v2.8.0-rc2 vs v2.7.3
unit tests:        318 passed, 0 failed
race detector:     clean (go test -race ./...)
coverage:          68.3% (v2.7.3: 71.0%)   policy: no drop > 2 points
benchstat:         DecodeProto -4%, FlattenPathCached ~, ExportKafka +18% time/op, +3 allocs/op
soak (12h lab):    RSS flat at 410 MB, 0 restarts, sink_timeouts_total 0
govulncheck:       1 finding: GO-2024-2687 (net/http, HTTP/2 CONTINUATION flood), called from metrics server
lint:              golangci-lint 0 issues
'''
t('medium', 'quality-gate',
  'Release gate for collector 2.8.0-rc2. Ship to prod collectors or not, and what blocks?',
  files=[('ci/gate/collector-v2.8.0-rc2.txt', GATE_GO)], fw='go test', lang=None,
  reqs=['policy: no test failures, race clean, coverage drop <= 2 points, no hot-path benchmark regression > 10%, '
        'no reachable known vulnerability'])

t('medium', 'test-execution',
  'Run the netauto.push and netauto.netconf suites with the netmiko/ncclient mocks, give me junit and coverage for '
  'the MR, and flag any test slower than 2s: the mocks should never need that long.',
  fw='pytest', lang=None)

t('complex', 'flaky-test-analysis',
  'test_bgp_failover in the lab suite: shut the primary transit on edge1, expect the default route on all 6 PEs to '
  'move to edge2 within 15s via the RRs. Fails about 1 in 8 runs, sometimes only on one PE, sometimes it is the check '
  'that the route came back after no-shut. Telemetry from the collector is what the test reads. Where would you look '
  'and what would you change?',
  files=[('tests/lab/test_bgp_failover.py', '''
import time
import pytest

from labkit.telemetry import TelemetryReader
from labkit.devices import device


@pytest.mark.lab
def test_bgp_failover(lab):
    tr = TelemetryReader(lab.influx, measurement="oc_rib_ipv4")
    edge1 = device("edge1")
    edge1.config(["router bgp 64512", "neighbor 192.0.2.1", "shutdown"])
    time.sleep(15)
    for pe in lab.pes:
        nh = tr.latest(pe, prefix="0.0.0.0/0", field="next_hop")
        assert nh == lab.loopback("edge2"), f"{pe} still via {nh}"
    edge1.config(["router bgp 64512", "neighbor 192.0.2.1", "no shutdown"])
    time.sleep(15)
    for pe in lab.pes:
        assert tr.latest(pe, prefix="0.0.0.0/0", field="next_hop") == lab.loopback("edge1")
'''), ('labkit/telemetry.py', '''
class TelemetryReader:
    def __init__(self, influx, measurement):
        self.q = influx.query_api()
        self.m = measurement

    def latest(self, host, prefix, field):
        flux = (f'from(bucket:"lab") |> range(start:-5m) '
                f'|> filter(fn:(r)=> r._measurement=="{self.m}" and r.host=="{host}" and r.prefix=="{prefix}" and r._field=="{field}") '
                f'|> last()')
        tables = self.q.query(flux)
        return tables[0].records[0].get_value() if tables else None
'''), ('lab/collector-subscriptions.yaml', '''
targets: [pe1, pe2, pe3, pe4, pe5, pe6, edge1, edge2, rr1, rr2]
subscriptions:
  rib:
    paths: [/network-instances/network-instance/afts/ipv4-unicast]
    mode: sample
    sample_interval: 10s
  bgp_state:
    paths: [/network-instances/network-instance/protocols/protocol/bgp/neighbors]
    mode: on_change
telegraf: {flush_interval: 10s, flush_jitter: 5s}
''')], fw='pytest', lang=None)

CONFIRM_CHAOS = lines(24, lambda i: (
    f'run {i+1:02d} | scenario={["kill-orchestrator-mid-push","redis-failover","mgmt-link-flap","double-submit","confirm-timer-expiry","api-pod-restart"][i%6]} '
    f'| devices=40 | confirmed={40 - (3 if i in (2, 8, 14) else 0) - (1 if i in (3, 15) else 0)} '
    f'| rolled_back={3 if i in (2, 8, 14) else 0} | dup_commits={1 if i in (3, 15) else 0} '
    f'| state_mismatch={2 if i in (1, 13) else 0} | result={"FAIL" if i in (1, 2, 3, 8, 13, 14, 15) else "PASS"}'))
GATE_C_FILES = [
    ('ci/gate/confirm-engine-chaos.txt', CONFIRM_CHAOS),
    ('ci/gate/unit.txt', 'orchestrator unit: 214 passed, 0 failed\ndevice session unit: 61 passed\nstore unit: 33 passed\n'),
    ('ci/gate/coverage.txt', ORCH_COV),
    ('ci/gate/lab-e2e.txt', 'lab e2e (12 XRd, 4 cEOS): 38/40 scenarios pass; failures: double-submit x1, redis-failover x1\n'),
    ('ci/gate/security.txt', 'bandit: 0 high; semgrep: 1 medium (fastapi route without auth dependency: POST /changes/{id}/run)\n'),
    ('ci/gate/release-criteria.md', '''
Release criteria, change engine:
- a router must never end a window in a state the engine does not know about
- no duplicate commits on retry / resubmit
- rollback must target only the commit this change made
- unauthenticated endpoints that trigger pushes are a blocker
- chaos suite: every failure must be explained and classed as test-env or engine
'''),
]
t('complex', 'quality-gate',
  'Gate the new commit-confirmed engine for production. Everything we have is attached. I need a decision with '
  'reasons per criterion, and for each chaos failure whether it is the engine or the test rig.',
  files=GATE_C_FILES + ORCH_FILES[:4], lang=None)

# why: running it is easy, but the suite drives parallel commit-confirmed pushes on shared lab routers and the ask is to separate ordering/interference failures from engine bugs across 6 modules
t('complex', 'test-execution',
  'Run the e2e rollback suite against the containerlab topology (tests/e2e, marker e2e, it runs 8 workers). Several '
  'tests share the same routers. Report the failures and tell me which are the engine and which are tests stepping on '
  'each other.',
  files=ORCH_FILES + [('tests/e2e/conftest.py', '''
import pytest
from netauto.orchestrator.store import ChangeStore

LAB_ROUTERS = ["xrd1", "xrd2", "xrd3", "xrd4"]


@pytest.fixture(scope="session")
def store():
    return ChangeStore("redis://localhost:6379/9")


@pytest.fixture
def lab_change(store):
    from netauto.orchestrator.models import Change
    return Change.new(devices=LAB_ROUTERS, confirm_minutes=2)
''')], fw='pytest', lang=None)

LEASE = '''
import threading
import etcd3


class ChangeLock:
    """Only one change may touch a device at a time, across all orchestrator replicas."""

    def __init__(self, client: etcd3.Etcd3Client, ttl=30):
        self.c = client
        self.ttl = ttl
        self._leases = {}
        self._stop = {}

    def acquire(self, device, change_id):
        lease = self.c.lease(self.ttl)
        ok, _ = self.c.transaction(
            compare=[self.c.transactions.create(f"/locks/{device}") == 0],
            success=[self.c.transactions.put(f"/locks/{device}", change_id, lease)],
            failure=[],
        )
        if not ok:
            lease.revoke()
            return False
        self._leases[device] = lease
        stop = threading.Event()
        self._stop[device] = stop
        threading.Thread(target=self._keepalive, args=(lease, stop), daemon=True).start()
        return True

    def _keepalive(self, lease, stop):
        while not stop.wait(self.ttl / 3):
            try:
                lease.refresh()
            except Exception:
                return

    def release(self, device, change_id):
        val, _ = self.c.get(f"/locks/{device}")
        if val is not None and val.decode() == change_id:
            self.c.delete(f"/locks/{device}")
        if device in self._stop:
            self._stop.pop(device).set()
            self._leases.pop(device).revoke()

    def holder(self, device):
        val, _ = self.c.get(f"/locks/{device}")
        return val.decode() if val else None
'''
LEASE_COV = '''
Name                                 Stmts   Miss Branch BrPart  Cover   Missing
netauto/orchestrator/lock.py            38      9     10      4    72%   22-23, 36-37, 42, 49-50
tests: test_acquire_free, test_acquire_held, test_release_own, test_holder (all against a single local etcd)
'''
t('complex', 'coverage-analysis',
  '72% on the device lock. The missing lines are not what worries me; what isn\'t being exercised at all that could '
  'let two replicas push to the same router?',
  files=[('netauto/orchestrator/lock.py', LEASE), ('reports/coverage-lock.txt', LEASE_COV)], fw='pytest', lang=None)

t('complex', 'performance-testing',
  'Quarterly NTP/SNMP/AAA refresh goes to ~800 routers in one 4h window with Netmiko in a thread pool. Last time it '
  'took 3h40 and TACACS started rejecting logins halfway. Plan how we measure and tune this before the next one: pool '
  'size, per-region limits, what to watch on the AAA servers, and when to stop.',
  lang=None,
  reqs=['two TACACS servers, each rate-limited around 40 auth/s', 'mix of IOS-XE, IOS-XR and Junos, XR commits are slow',
        'a failed push must never leave the window without a rollback decision'])

t('complex', 'defect-analysis',
  'We pushed a jumbo MTU change to the north ring, 8 routers, the playbook does them in inventory order with serial: 2. '
  'Halfway through, OSPF on the ring started flapping and two PEs lost their loopbacks for 6 minutes, even though every '
  'router\'s change succeeded. Logs and playbook attached. What did we do wrong, and how should the playbook order it?',
  files=[('playbooks/mtu_ring_north.yml', '''
- hosts: ring_north
  serial: 2
  gather_facts: false
  tasks:
    - name: set core MTU
      cisco.iosxr.iosxr_config:
        lines: ["mtu 9216"]
        parents: "interface {{ item }}"
      loop: "{{ ring_interfaces }}"
    - name: wait for ospf full
      cisco.iosxr.iosxr_command:
        commands: ["show ospf neighbor"]
        wait_for: ["result[0] contains FULL"]
        retries: 10
        interval: 6
'''), ('inventories/prod/ring_north.ini', '''
[ring_north]
cr1-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr3-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr5-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr7-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr2-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr4-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr6-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
cr8-nth ring_interfaces='["HundredGigE0/0/0/0","HundredGigE0/0/0/1"]'
'''), ('logs/ring-north-syslog.txt', '''
02:11:04 cr1-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.2 on Hu0/0/0/0 from FULL to DOWN, Neighbor Down: interface down or detached
02:11:05 cr3-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.2 on Hu0/0/0/1 from FULL to DOWN
02:11:40 cr1-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.2 on Hu0/0/0/0 from LOADING to EXSTART, Neighbor exceeded retransmit
02:11:40 cr3-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.4 on Hu0/0/0/0 from EXSTART to DOWN
02:12:10 ansible: cr1-nth, cr3-nth wait for ospf full -> ok (matched FULL on Hu0/0/0/1 toward cr8/cr5-side)
02:12:30 cr5-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.4 on Hu0/0/0/0 from FULL to DOWN
02:12:31 cr7-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.6 on Hu0/0/0/1 from FULL to DOWN
02:13:02 pe-nth-01 %ROUTING-BGP-5-ADJCHANGE : neighbor 10.0.0.101 Down - Peer closing down the session (RR unreachable)
02:19:10 cr8-nth %ROUTING-OSPF-5-ADJCHG : Process 1, Nbr 10.0.0.7 on Hu0/0/0/1 from LOADING to FULL
'''), ('docs/ring-north.txt', 'Physical ring order: cr1-cr2-cr3-cr4-cr5-cr6-cr7-cr8-cr1. PEs single-homed to cr2 and cr6. RRs on cr4 and cr8.\n')],
  fw='ansible', lang=None)

LOCKFILE = '''
import fcntl
import os


class DeviceLockFile:
    """Guards per-device work in the legacy cron scripts (pre-etcd)."""

    def __init__(self, device, root="/var/run/netauto"):
        self.path = os.path.join(root, f"{device}.lock")
        self.fd = None

    def __enter__(self):
        if os.path.exists(self.path):
            raise RuntimeError(f"{self.path} held")
        self.fd = os.open(self.path, os.O_CREAT | os.O_WRONLY)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(self.fd, str(os.getpid()).encode())
        return self

    def __exit__(self, *exc):
        os.unlink(self.path)
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
'''
LOCK_TEST = '''
import threading
from netauto.legacy.lockfile import DeviceLockFile


def test_only_one_holder(tmp_path):
    wins, errors = [], []

    def worker():
        try:
            with DeviceLockFile("pe-lon-01", root=str(tmp_path)):
                wins.append(1)
        except (RuntimeError, BlockingIOError) as e:
            errors.append(e)

    ts = [threading.Thread(target=worker) for _ in range(10)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    assert len(wins) == 1
'''
# why: reads like a small flaky unit test, but the cause is check-then-create plus unlink-before-unlock races in the lock itself, and the test's assertion is wrong for it too
t('complex', 'flaky-test-analysis',
  'test_only_one_holder fails in CI about 1 in 30. Lock code and test attached.',
  files=[('netauto/legacy/lockfile.py', LOCKFILE), ('tests/unit/test_lockfile.py', LOCK_TEST)], fw='pytest', lang=None)

REL_FILES = [
    ('release/netauto-3.4/unit.txt', 'netauto unit: 1288 passed, 2 skipped; collector: 318 passed\n'),
    ('release/netauto-3.4/coverage.txt', 'netauto 81.2% (prev 80.4%); orchestrator 62%; collector 68.3%\n'),
    ('release/netauto-3.4/flaky.txt', 'quarantined: test_only_one_holder, test_get_running_filtered, TestShutdownStopsAllStreams\n'),
    ('release/netauto-3.4/security.txt', 'open: AutoAddPolicy on jump host client (High); gNMI probe skip_verify (Medium); lookup API token uses md5 HMAC + non-constant-time compare (High)\n'),
    ('release/netauto-3.4/perf.txt', 'inventory API: /devices/{id}/bgp p95 5.2s, 4.5% 504s under 200 users; collector soak clean\n'),
    ('release/netauto-3.4/changes.md', '''
3.4 ships: looking-glass lookup API (new, NOC-facing), customer BGP provisioning from NetBox (new),
commit-confirmed engine v2 (replaces cron scripts), collector 2.8.0.
Criteria: no open High security findings on anything that can reach a router; quarantined tests must not cover
code shipped in this release; orchestrator coverage >= 75%.
'''),
]
# why: short artefacts, but the decision needs cross-referencing auth/crypto findings and quarantined races against what each component ships: security and multi-module judgement, complex
t('complex', 'quality-gate',
  'Can netauto 3.4 go out before the freeze? Give me ship / ship-with-exceptions / no, per component.',
  files=REL_FILES, lang=None)
