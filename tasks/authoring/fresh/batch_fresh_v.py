from lib import t, lines
# ---------------------------------------------------------------------------
# persona: elixir/erlang backend engineer at a messaging company. lives in OTP
# (genservers, supervisors, gen_statem), phoenix channels + presence, clustered
# beam nodes (libcluster, pg, :peer), exunit and streamdata. terse, lowercase,
# assumes the reader knows the beam. occasionally touches the ts web client or a
# k6 script, otherwise everything is .ex/.exs/.erl (lang=None).
# ---------------------------------------------------------------------------

_MODS = ['Chat.Accounts', 'Chat.Accounts.User', 'Chat.Accounts.Session', 'Chat.Rooms', 'Chat.Rooms.Room',
         'Chat.Rooms.Membership', 'Chat.Messages', 'Chat.Messages.Message', 'Chat.Messages.Edit',
         'Chat.Messages.Reaction', 'Chat.Delivery.Outbox', 'Chat.Delivery.Dispatcher', 'Chat.Delivery.Ack',
         'Chat.Delivery.Retry', 'Chat.Push.APNS', 'Chat.Push.FCM', 'Chat.Push.Router', 'Chat.Presence.Counter',
         'Chat.RateLimiter', 'Chat.TypingIndicator', 'Chat.HLC', 'Chat.Cluster.Ring', 'Chat.Cluster.Handoff',
         'Chat.Cluster.Monitor', 'Chat.Search.Indexer', 'Chat.Search.Query', 'Chat.Media.Upload',
         'Chat.Media.Thumbnail', 'Chat.Moderation.Filter', 'Chat.Moderation.Report', 'ChatWeb.UserSocket',
         'ChatWeb.RoomChannel', 'ChatWeb.DMChannel', 'ChatWeb.PresenceChannel', 'ChatWeb.RoomPresence',
         'ChatWeb.Endpoint', 'ChatWeb.Router', 'ChatWeb.Plugs.Auth', 'ChatWeb.Plugs.RateLimit',
         'ChatWeb.API.MessageController', 'ChatWeb.API.RoomController', 'ChatWeb.API.UserController',
         'ChatWeb.API.FallbackController', 'ChatWeb.API.MessageJSON', 'ChatWeb.API.RoomJSON',
         'ChatWeb.Telemetry', 'Chat.Repo', 'Chat.Release', 'Chat.Workers.Digest', 'Chat.Workers.Cleanup',
         'Chat.Workers.Export', 'Chat.Crypto.Envelope', 'Chat.Crypto.KeyStore', 'Chat.Webhooks.Sender',
         'Chat.Webhooks.Signature', 'Chat.Feature', 'Chat.Audit', 'Chat.Receipts', 'Chat.Drafts',
         'Chat.Threads']

# --- 1 ---------------------------------------------------------------------
t('simple', 'test-execution',
  "run mix test test/chat_web/channels and tell me what's red", fw='exunit', lang=None)

# --- 2 ---------------------------------------------------------------------
# why: 25 lines, but it decodes attacker-controlled external term format and applies an atom from it: injection / atom exhaustion, security-critical
t('complex', 'security-scan',
  "ws handler for binary protocol v2. mobile sends ext term format to save bytes. anything wrong with it before we turn it on for everyone",
  files=[('lib/chat_web/sockets/binary_frame.ex', r'''
defmodule ChatWeb.Sockets.BinaryFrame do
  @moduledoc "decodes v2 binary frames sent by the mobile clients"
  require Logger

  @max_frame 64 * 1024

  def decode(<<2::8, len::32, body::binary-size(len)>>) when len <= @max_frame do
    case :erlang.binary_to_term(body) do
      {op, topic, payload} when is_atom(op) and is_binary(topic) ->
        {:ok, %{op: op, topic: topic, payload: payload}}

      other ->
        Logger.warning("bad frame shape: #{inspect(other)}")
        {:error, :bad_shape}
    end
  rescue
    ArgumentError -> {:error, :bad_term}
  end

  def decode(_), do: {:error, :bad_frame}

  def dispatch(%{op: op, topic: topic, payload: payload}, socket) do
    apply(ChatWeb.Sockets.Ops, op, [topic, payload, socket])
  end
end
''')], lang=None)

# --- 3 ---------------------------------------------------------------------
t('medium', 'test-generation',
  "need exunit tests for the per-user rate limiter. clock is injectable on purpose, don't sleep",
  files=[('lib/chat/rate_limiter.ex', r'''
defmodule Chat.RateLimiter do
  @moduledoc """
  per-user token bucket for outgoing messages. one process per node, state lives in the genserver.
  clock is injectable so tests don't need to sleep.
  """
  use GenServer

  @default_capacity 20
  @default_refill_per_sec 5

  defstruct buckets: %{}, capacity: @default_capacity, refill: @default_refill_per_sec, clock: nil

  def start_link(opts) do
    {name, opts} = Keyword.pop(opts, :name, __MODULE__)
    GenServer.start_link(__MODULE__, opts, name: name)
  end

  @spec check(GenServer.server(), term(), pos_integer()) ::
          :ok | {:error, :rate_limited, non_neg_integer()}
  def check(server \\ __MODULE__, user_id, cost \\ 1) do
    GenServer.call(server, {:check, user_id, cost})
  end

  def reset(server \\ __MODULE__, user_id), do: GenServer.cast(server, {:reset, user_id})

  @impl true
  def init(opts) do
    clock = Keyword.get(opts, :clock, fn -> System.monotonic_time(:millisecond) end)

    state = %__MODULE__{
      capacity: Keyword.get(opts, :capacity, @default_capacity),
      refill: Keyword.get(opts, :refill_per_sec, @default_refill_per_sec),
      clock: clock
    }

    :timer.send_interval(Keyword.get(opts, :sweep_every, 60_000), :sweep)
    {:ok, state}
  end

  @impl true
  def handle_call({:check, _user_id, cost}, _from, %{capacity: cap} = state) when cost > cap do
    {:reply, {:error, :rate_limited, :infinity}, state}
  end

  def handle_call({:check, user_id, cost}, _from, state) do
    now = state.clock.()
    {tokens, last} = Map.get(state.buckets, user_id, {state.capacity * 1.0, now})
    elapsed = max(now - last, 0)
    tokens = min(state.capacity * 1.0, tokens + elapsed * state.refill / 1000)

    if tokens >= cost do
      buckets = Map.put(state.buckets, user_id, {tokens - cost, now})
      {:reply, :ok, %{state | buckets: buckets}}
    else
      wait_ms = ceil((cost - tokens) * 1000 / state.refill)
      buckets = Map.put(state.buckets, user_id, {tokens, now})
      {:reply, {:error, :rate_limited, wait_ms}, %{state | buckets: buckets}}
    end
  end

  @impl true
  def handle_cast({:reset, user_id}, state) do
    {:noreply, %{state | buckets: Map.delete(state.buckets, user_id)}}
  end

  @impl true
  def handle_info(:sweep, state) do
    now = state.clock.()
    full_after_ms = trunc(state.capacity * 1000 / state.refill)

    buckets =
      state.buckets
      |> Enum.reject(fn {_user, {_tokens, last}} -> now - last > full_after_ms end)
      |> Map.new()

    {:noreply, %{state | buckets: buckets}}
  end
end
''')],
  reqs=['clock via an Agent or counters ref, no Process.sleep',
        'cover refill cap, cost > capacity, wait_ms rounding, reset, sweep dropping idle buckets',
        'async: true, start an unnamed instance per test with start_supervised'],
  fw='exunit', lang=None)

# --- 4 ---------------------------------------------------------------------
# why: 60-row coverage table, the ask is a threshold filter: long but mechanical
t('simple', 'coverage-analysis',
  "mix test --cover output from main. which modules are under 60%, sorted worst first",
  files=[('cover/summary.txt',
          'Percentage | Module\n-----------|--------------------------\n' +
          lines(60, lambda i: '%9.2f%% | %s' % (((i * 37) % 63) + 37 + ((i * 13) % 100) / 100.0, _MODS[i])) +
          '\n-----------|--------------------------\n    74.18% | Total')],
  fw='exunit', lang=None)

# --- 5 ---------------------------------------------------------------------
t('complex', 'flaky-test-analysis',
  "presence count test fails maybe 1 run in 4 on ci since multi-device went in, passes the rest. 3 node cluster. after the leaves the count on node a is off by one and never heals until someone else joins. can't get it locally",
  files=[('lib/chat_web/room_presence.ex', r'''
defmodule ChatWeb.RoomPresence do
  use Phoenix.Presence, otp_app: :chat, pubsub_server: Chat.PubSub

  @table :room_presence_counts

  def init(_opts) do
    :ets.new(@table, [:named_table, :public, :set, read_concurrency: true])
    {:ok, %{}}
  end

  def online_count(room_id) do
    case :ets.lookup(@table, room_id) do
      [{^room_id, n}] -> n
      [] -> 0
    end
  end

  def handle_metas("room:" <> room_id, %{joins: joins, leaves: leaves}, _presences, state) do
    delta = map_size(joins) - map_size(leaves)
    :ets.update_counter(@table, room_id, delta, {room_id, 0})
    {:ok, state}
  end
end
'''), ('test/chat_web/presence_count_test.exs', r'''
defmodule ChatWeb.PresenceCountTest do
  use ExUnit.Case, async: false
  @moduletag :cluster

  setup_all do
    nodes = LocalCluster.start_nodes("pres", 3, files: [__ENV__.file])
    on_exit(fn -> LocalCluster.stop_nodes(nodes) end)
    {:ok, nodes: nodes}
  end

  test "count converges after leave on another node", %{nodes: [a, b, c]} do
    room = "room:" <> Integer.to_string(System.unique_integer([:positive]))
    id = String.trim_leading(room, "room:")

    {pa, _} = join_on(a, room, "u1", %{device: "web"})
    {pb, _} = join_on(b, room, "u2", %{device: "ios"})
    {_pb2, _} = join_on(b, room, "u2", %{device: "web"})
    {_pc, _} = join_on(c, room, "u3", %{device: "android"})

    wait_until(fn -> :rpc.call(a, ChatWeb.RoomPresence, :online_count, [id]) == 3 end)

    Process.exit(pb, :kill)
    Process.exit(pa, :kill)

    wait_until(fn -> :rpc.call(a, ChatWeb.RoomPresence, :online_count, [id]) == 2 end, 2_000)
  end

  defp join_on(node, topic, user, meta) do
    parent = self()

    pid =
      Node.spawn(node, fn ->
        {:ok, ref} = ChatWeb.RoomPresence.track(self(), topic, user, meta)
        send(parent, {:tracked, self(), ref})
        Process.sleep(:infinity)
      end)

    receive do
      {:tracked, ^pid, ref} -> {pid, ref}
    after
      1_000 -> flunk("track timed out on #{node}")
    end
  end

  defp wait_until(fun, timeout \\ 1_000) do
    deadline = System.monotonic_time(:millisecond) + timeout
    do_wait(fun, deadline, timeout)
  end

  defp do_wait(fun, deadline, timeout) do
    cond do
      fun.() -> :ok
      System.monotonic_time(:millisecond) > deadline -> flunk("condition not met in #{timeout}ms")
      true -> Process.sleep(20) && do_wait(fun, deadline, timeout)
    end
  end
end
'''), ('ci/presence_fail_run_8812.log', r'''
==> chat
Running ExUnit with seed: 482913, max_cases: 16
Including tags: [:cluster]

[info] [libcluster:test] connected to :"pres1@127.0.0.1"
[info] [libcluster:test] connected to :"pres2@127.0.0.1"
[info] [libcluster:test] connected to :"pres3@127.0.0.1"

  1) test count converges after leave on another node (ChatWeb.PresenceCountTest)
     test/chat_web/presence_count_test.exs:12
     condition not met in 2000ms
     code: wait_until(fn -> :rpc.call(a, ChatWeb.RoomPresence, :online_count, [id]) == 2 end, 2_000)
     stacktrace:
       test/chat_web/presence_count_test.exs:61: ChatWeb.PresenceCountTest.do_wait/3
       test/chat_web/presence_count_test.exs:31: (test)

[debug] online_count on pres1 = 1 (t+40ms)
[debug] online_count on pres1 = 1 (t+400ms)
[debug] online_count on pres1 = 1 (t+2000ms)

Finished in 6.2 seconds (0.00s async, 6.2s sync)
1 test, 1 failure
''')],
  fw='exunit', lang=None)

# --- 6 ---------------------------------------------------------------------
t('medium', 'quality-gate',
  "release gate for 4.18.0. numbers from the ci run below vs our criteria. go/no-go and which ones block",
  files=[('ci/release_4.18.0_summary.json', r'''
{
  "release": "4.18.0",
  "commit": "9c1e07ab",
  "tests": {
    "chat":      {"total": 1642, "failed": 0, "skipped": 11, "excluded": 23},
    "chat_web":  {"total": 811,  "failed": 0, "skipped": 2,  "excluded": 0},
    "push":      {"total": 204,  "failed": 1, "skipped": 0,  "excluded": 6,
                  "failures": ["Push.APNS.ClientTest: retries on 429 with backoff (flaky-quarantine: true)"]}
  },
  "coverage": {"chat": 84.7, "chat_web": 79.2, "push": 88.1, "previous_release": {"chat": 85.9, "chat_web": 78.8, "push": 88.0}},
  "credo": {"warning": 0, "refactor": 14, "readability": 31, "consistency": 0, "design": 6},
  "dialyzer": {"new_warnings": 2, "ignored": 17,
               "new": ["lib/chat/delivery/retry.ex:88: The pattern {:error, :timeout} can never match the type {:ok, _} | {:error, :closed}",
                       "lib/chat_web/channels/room_channel.ex:141: Function handle_in/3 has no local return"]},
  "sobelow": {"high": 0, "medium": 1, "low": 4},
  "bench": {"fanout_1k_p99_ms": 38.4, "fanout_1k_p99_ms_baseline": 31.0,
            "encode_msg_ips": 412000, "encode_msg_ips_baseline": 405000}
}
''')],
  reqs=['criteria: 0 failed tests outside the quarantine list',
        'coverage per app >= 80% and no app drops more than 1.0 point vs previous release',
        'credo: 0 warning, 0 consistency', 'dialyzer: 0 new warnings',
        'sobelow: 0 high, medium needs a sign-off note',
        'bench: p99 fanout regression <= 15% vs baseline'],
  lang=None)

# --- 7 ---------------------------------------------------------------------
# why: lots of incident context, but the crash is one function clause that doesn't match a new message type: simple
t('simple', 'defect-analysis',
  "context: since tuesday's mobile release, ios added emoji reactions that get pushed through the same notification path as text. product says android users don't get push for reactions which is fine (not built yet) but oncall got paged because the push router sup is logging crashes every few secs on all 6 nodes. apns/fcm themselves look healthy, grafana shows no latency change, no deploy on our side since last thu. we've already muted the alert. can you just tell me what's blowing up and the smallest fix",
  files=[('lib/chat/push/payload.ex', r'''
defmodule Chat.Push.Payload do
  @max_preview 120

  def build(%{"type" => "text", "body" => body, "sender" => sender}) do
    %{title: sender, body: preview(body)}
  end

  def build(%{"type" => "image", "sender" => sender}) do
    %{title: sender, body: "sent a photo"}
  end

  def build(%{"type" => "voice", "sender" => sender, "duration" => secs}) do
    %{title: sender, body: "voice message (#{secs}s)"}
  end

  defp preview(body) when byte_size(body) <= @max_preview, do: body
  defp preview(body), do: String.slice(body, 0, @max_preview - 1) <> "…"
end
'''), ('log/push_router.log', r'''
2024-05-14 09:12:03.114 [error] GenServer Chat.Push.Router terminating
** (FunctionClauseError) no function clause matching in Chat.Push.Payload.build/1
    (chat 4.17.2) lib/chat/push/payload.ex:4: Chat.Push.Payload.build(%{"message_id" => "01HXR2K9", "sender" => "dana", "target_id" => "01HXR2J1", "type" => "reaction", "emoji" => "🔥"})
    (chat 4.17.2) lib/chat/push/router.ex:57: Chat.Push.Router.handle_info/2
    (stdlib 5.2) gen_server.erl:1095: :gen_server.try_handle_info/3
    (stdlib 5.2) gen_server.erl:1183: :gen_server.handle_msg/6
Last message: {:push, %{"emoji" => "🔥", "message_id" => "01HXR2K9", "sender" => "dana", "target_id" => "01HXR2J1", "type" => "reaction"}}
2024-05-14 09:12:03.118 [info] Chat.Push.Router started
''')], lang=None)

# --- 8 ---------------------------------------------------------------------
t('complex', 'test-generation',
  "property tests for our hlc. it orders every message in the system so i want the invariants nailed, not example tests",
  files=[('lib/chat/hlc.ex', r'''
defmodule Chat.HLC do
  @moduledoc """
  hybrid logical clock. timestamps are {wall_ms, logical, node_id}; erlang term order on the tuple
  is the total order we sort messages by.
  """
  @max_drift_ms 60_000

  @type t :: {non_neg_integer(), non_neg_integer(), non_neg_integer()}

  @spec now(t(), non_neg_integer()) :: t()
  def now({l, c, node}, pt) do
    if pt > l, do: {pt, 0, node}, else: {l, c + 1, node}
  end

  @spec recv(t(), t(), non_neg_integer()) :: {:ok, t()} | {:error, :drift}
  def recv({l, c, node}, {lm, cm, _remote}, pt) do
    cond do
      lm - pt > @max_drift_ms -> {:error, :drift}
      pt > l and pt > lm -> {:ok, {pt, 0, node}}
      l == lm -> {:ok, {l, max(c, cm) + 1, node}}
      l > lm -> {:ok, {l, c + 1, node}}
      true -> {:ok, {lm, cm + 1, node}}
    end
  end

  @spec compare(t(), t()) :: :lt | :eq | :gt
  def compare(a, b) when a < b, do: :lt
  def compare(a, b) when a > b, do: :gt
  def compare(_, _), do: :eq
end
''')],
  reqs=['StreamData, use ExUnitProperties',
        'model several nodes exchanging messages with skewed and non-monotonic physical clocks',
        'check monotonicity per node, happened-before implies compare == :lt, logical counter stays bounded, drift rejection'],
  fw='stream_data', lang=None)

# --- 9 ---------------------------------------------------------------------
# why: summarising a tool's advisory output into a bump table, no code reasoning needed
t('simple', 'security-scan',
  "deps.audit + hex.audit from this morning. give me a table: dep, current, bump to, why",
  files=[('ci/audit.txt', r'''
$ mix deps.audit
Name: plug
Version: 1.14.0
Dependency file: mix.lock
Title: Path traversal in Plug.Static on some configs
Solution: upgrade to one of the following versions: >= 1.14.2
URL: https://github.com/advisories/GHSA-xxxx-plug-0001

Name: phoenix
Version: 1.7.2
Dependency file: mix.lock
Title: check_origin bypass when host contains port
Solution: upgrade to one of the following versions: >= 1.7.7
URL: https://github.com/advisories/GHSA-xxxx-phx-0002

Name: hackney
Version: 1.18.0
Dependency file: mix.lock
Title: SSRF via crafted redirect
Solution: upgrade to one of the following versions: >= 1.18.2
URL: https://github.com/advisories/GHSA-xxxx-hkn-0003

Vulnerabilities found!

$ mix hex.audit
Dependency       Version  Retirement reason
certifi          2.9.0    (security) outdated CA bundle, use 2.12.0+
telemetry_poller 1.0.0    (other) superseded by 1.1.0
Found retired packages
''')], lang=None)

# --- 10 --------------------------------------------------------------------
t('medium', 'performance-testing',
  "want a benchee script: session lookup through the genserver vs reading the ets table directly vs :persistent_term, at 1k/100k/1m sessions and with 1/8/64 parallel callers. module below",
  files=[('lib/chat/accounts/session_cache.ex', r'''
defmodule Chat.Accounts.SessionCache do
  use GenServer

  @table :session_cache

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)

  def put(token, session), do: GenServer.call(__MODULE__, {:put, token, session})
  def get(token), do: GenServer.call(__MODULE__, {:get, token})

  def get_dirty(token) do
    case :ets.lookup(@table, token) do
      [{^token, session, expires_at}] ->
        if expires_at > System.system_time(:second), do: {:ok, session}, else: :expired

      [] ->
        :miss
    end
  end

  @impl true
  def init(_opts) do
    :ets.new(@table, [:named_table, :protected, :set, read_concurrency: true])
    {:ok, %{}}
  end

  @impl true
  def handle_call({:put, token, session}, _from, state) do
    :ets.insert(@table, {token, session, System.system_time(:second) + session.ttl})
    {:reply, :ok, state}
  end

  def handle_call({:get, token}, _from, state), do: {:reply, get_dirty(token), state}
end
''')],
  reqs=['bench/session_lookup_bench.exs runnable with mix run', 'warmup and memory_time set',
        'parallel callers via Benchee parallel option, explain what it does and does not measure',
        'hit and miss ratios both measured'],
  fw='benchee', lang=None)

# --- 11 --------------------------------------------------------------------
t('complex', 'defect-analysis',
  "after we rolled chat-2 yesterday ~3k users got some messages twice. only messages sent in the ~40s around the restart. logs from all three nodes + the outbox/dispatcher code. what happened",
  files=[('lib/chat/delivery/outbox.ex', r'''
defmodule Chat.Delivery.Outbox do
  @moduledoc "per-room outbox. rows are claimed by one dispatcher, acked after the fanout succeeds."
  import Ecto.Query
  alias Chat.Repo
  alias Chat.Delivery.OutboxRow

  @claim_ttl_s 30

  def claim_batch(node_name, limit \\ 200) do
    now = DateTime.utc_now()
    stale = DateTime.add(now, -@claim_ttl_s, :second)

    ids =
      from(r in OutboxRow,
        where: is_nil(r.acked_at) and (is_nil(r.claimed_at) or r.claimed_at < ^stale),
        order_by: [asc: r.id],
        limit: ^limit,
        select: r.id
      )
      |> Repo.all()

    {_, rows} =
      from(r in OutboxRow, where: r.id in ^ids, select: r)
      |> Repo.update_all(set: [claimed_by: node_name, claimed_at: now])

    rows
  end

  def ack(ids) do
    from(r in OutboxRow, where: r.id in ^ids)
    |> Repo.update_all(set: [acked_at: DateTime.utc_now()])
  end
end
'''), ('lib/chat/delivery/dispatcher.ex', r'''
defmodule Chat.Delivery.Dispatcher do
  use GenServer
  require Logger
  alias Chat.Delivery.{Outbox, Fanout}

  @poll_ms 250

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  @impl true
  def init(_) do
    Process.flag(:trap_exit, true)
    send(self(), :poll)
    {:ok, %{inflight: []}}
  end

  @impl true
  def handle_info(:poll, state) do
    rows = Outbox.claim_batch(Atom.to_string(node()))

    ok_ids =
      rows
      |> Task.async_stream(&Fanout.deliver/1, max_concurrency: 32, timeout: 10_000, on_timeout: :kill_task)
      |> Enum.zip(rows)
      |> Enum.flat_map(fn
        {{:ok, :ok}, row} -> [row.id]
        {other, row} -> Logger.warning("fanout failed id=#{row.id} #{inspect(other)}") && []
      end)

    Outbox.ack(ok_ids)
    Process.send_after(self(), :poll, @poll_ms)
    {:noreply, %{state | inflight: []}}
  end

  @impl true
  def terminate(reason, _state) do
    Logger.info("dispatcher stopping #{inspect(reason)}")
    :ok
  end
end
'''), ('lib/chat/delivery/fanout.ex', r'''
defmodule Chat.Delivery.Fanout do
  alias Chat.Rooms

  def deliver(row) do
    members = Rooms.online_members(row.room_id)

    Enum.each(members, fn {user_id, node} ->
      :erpc.cast(node, ChatWeb.Endpoint, :broadcast, ["user:" <> user_id, "msg", row.payload])
    end)

    Chat.Push.Router.enqueue_offline(row.room_id, row.payload, except: Enum.map(members, &elem(&1, 0)))
    :ok
  end
end
'''), ('log/chat-1.log', r'''
2024-06-03T14:02:11.402Z [info] dispatcher claimed 200 rows (41822001..41822200)
2024-06-03T14:02:11.655Z [info] dispatcher claimed 200 rows (41822201..41822400)
2024-06-03T14:02:41.930Z [info] dispatcher claimed 200 rows (41821801..41822000) stale_reclaim=true
2024-06-03T14:02:42.188Z [info] dispatcher claimed 187 rows (41822401..41822587)
2024-06-03T14:02:42.201Z [warning] ecto pool queue_time p95=1840ms
'''), ('log/chat-2.log', r'''
2024-06-03T14:02:10.990Z [info] dispatcher claimed 200 rows (41821801..41822000)
2024-06-03T14:02:11.018Z [info] SIGTERM received, stopping application
2024-06-03T14:02:11.020Z [info] dispatcher stopping :shutdown
2024-06-03T14:02:11.311Z [info] Application chat exited: :stopped
2024-06-03T14:02:38.774Z [info] Application chat started (release 4.17.3)
2024-06-03T14:02:39.102Z [info] dispatcher claimed 200 rows (41822401..41822600)
2024-06-03T14:02:39.480Z [warning] fanout failed id=41822455 {:exit, :timeout}
'''), ('log/chat-3.log', r'''
2024-06-03T14:02:11.120Z [info] dispatcher claimed 200 rows (41822001..41822200)
2024-06-03T14:02:12.872Z [warning] ecto pool queue_time p95=2210ms
2024-06-03T14:02:40.066Z [info] dispatcher claimed 200 rows (41822401..41822600)
2024-06-03T14:02:40.410Z [info] nodeup :"chat@chat-2.chat-headless"
''')],
  reqs=['explain each duplicate window separately if there is more than one cause',
        'say what the fix is in the claim query and in shutdown, not just "add idempotency"'],
  lang=None)

# --- 12 --------------------------------------------------------------------
# why: 40-row pass/fail matrix, task is picking rows with mixed outcomes: long but mechanical
t('simple', 'flaky-test-analysis',
  "last 20 nightly runs, P = pass F = fail. which tests have both. just the list + fail count",
  files=[('ci/nightly_matrix.txt',
          'test                                                        | runs 1..20\n' +
          lines(40, lambda i: '%-60s| %s' % (
              'test/%s_test.exs:%d' % (_MODS[i].lower().replace('.', '/').replace('chatweb', 'chat_web'), 10 + (i * 7) % 90),
              ' '.join('F' if (i % 9 == 2 and (r * i) % 7 == 3) or (i == 17 and r in (4, 11)) or (i == 31 and r >= 15) else 'P'
                       for r in range(20)))))],
  fw='exunit', lang=None)

# --- 13 --------------------------------------------------------------------
t('medium', 'test-execution',
  "run the push app's integration tests against the compose stack (redis + apns/fcm mocks) and split failures into env problems vs actual bugs",
  files=[('apps/push/docker-compose.test.yml', r'''
services:
  redis:
    image: redis:7.2-alpine
    ports: ["6380:6379"]
  apns-mock:
    image: ghcr.io/example/apns-mock:0.9
    environment:
      APNS_MOCK_LATENCY_MS: "40"
      APNS_MOCK_FAIL_RATE: "0.0"
    ports: ["2197:2197"]
  fcm-mock:
    image: ghcr.io/example/fcm-mock:1.3
    ports: ["8089:8080"]
'''), ('apps/push/config/test.exs', r'''
import Config

config :push, Push.Redis, url: System.get_env("PUSH_REDIS_URL", "redis://localhost:6379/3")

config :push, Push.APNS,
  endpoint: "https://localhost:2197",
  key_id: "TESTKEY123",
  team_id: "TEAM000000",
  p8_path: "test/support/fake_apns_key.p8",
  verify_tls: false

config :push, Push.FCM, endpoint: "http://localhost:8089/v1/projects/test/messages:send"

config :logger, level: :warning
'''), ('apps/push/test/test_helper.exs', r'''
ExUnit.configure(exclude: [:integration])

if System.get_env("PUSH_INTEGRATION") == "1" do
  {:ok, _} = Application.ensure_all_started(:redix)
  {:ok, conn} = Redix.start_link(Application.fetch_env!(:push, Push.Redis)[:url])
  Redix.command!(conn, ["FLUSHDB"])
  ExUnit.configure(include: [:integration])
end

ExUnit.start()
''')],
  reqs=['tell me the exact commands you ran', 'per failing test: env or bug, and the evidence'],
  fw='exunit', lang=None)

# --- 14 --------------------------------------------------------------------
t('simple', 'test-generation',
  "web client reconnect backoff. vitest pls, rng is passed in",
  files=[('assets/js/socket/backoff.ts', r'''
export interface BackoffOpts {
  baseMs: number;
  maxMs: number;
  jitter: number; // 0..1, fraction of the delay that is randomised
}

export const DEFAULTS: BackoffOpts = { baseMs: 500, maxMs: 30_000, jitter: 0.2 };

export function reconnectDelay(attempt: number, rand: () => number, opts: BackoffOpts = DEFAULTS): number {
  if (attempt <= 0) return 0;
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** (attempt - 1));
  const spread = exp * opts.jitter;
  const delay = exp - spread + rand() * spread * 2;
  return Math.round(Math.min(opts.maxMs, Math.max(0, delay)));
}
''')], fw='vitest')

# --- 15 --------------------------------------------------------------------
t('complex', 'coverage-analysis',
  "coverage for the call fsm from last night. which transitions never run in tests, and which of the missing combos can actually hurt us in prod. not just line numbers",
  files=[('lib/chat/calls/call_fsm.ex', r'''
defmodule Chat.Calls.CallFSM do
  @moduledoc """
  one process per 1:1 call, lives on the caller's node.
  :idle -> :dialing -> :ringing -> :connecting -> :active <-> :on_hold
  :active | :on_hold -> :reconnecting -> back to where it was | :ended
  anything -> :ended on hangup, timeout or callee process death
  """
  @behaviour :gen_statem
  require Logger

  @ring_timeout 45_000
  @connect_timeout 15_000
  @reconnect_window 20_000

  defstruct [:call_id, :caller, :callee, :callee_pid, :started_at, :ended_reason,
             media: %{}, reconnects: 0]

  def start_link(args), do: :gen_statem.start_link(__MODULE__, args, [])

  def child_spec(args) do
    %{id: {__MODULE__, args[:call_id]}, start: {__MODULE__, :start_link, [args]}, restart: :temporary}
  end

  def dial(pid), do: :gen_statem.call(pid, :dial)
  def ring_ack(pid, callee_pid), do: :gen_statem.cast(pid, {:ring_ack, callee_pid})
  def answer(pid, sdp), do: :gen_statem.call(pid, {:answer, sdp})
  def media_ready(pid), do: :gen_statem.cast(pid, :media_ready)
  def hold(pid, who), do: :gen_statem.call(pid, {:hold, who})
  def resume(pid, who), do: :gen_statem.call(pid, {:resume, who})
  def hangup(pid, who), do: :gen_statem.cast(pid, {:hangup, who})
  def network_lost(pid, who), do: :gen_statem.cast(pid, {:network_lost, who})
  def network_back(pid, who), do: :gen_statem.cast(pid, {:network_back, who})

  @impl true
  def callback_mode, do: [:handle_event_function, :state_enter]

  @impl true
  def init(args) do
    {:ok, :idle, %__MODULE__{call_id: args[:call_id], caller: args[:caller], callee: args[:callee]}}
  end

  @impl true
  def handle_event(:enter, _old, :ringing, _data),
    do: {:keep_state_and_data, [{:state_timeout, @ring_timeout, :no_answer}]}

  def handle_event(:enter, _old, :connecting, _data),
    do: {:keep_state_and_data, [{:state_timeout, @connect_timeout, :ice_failed}]}

  def handle_event(:enter, _old, :reconnecting, _data),
    do: {:keep_state_and_data, [{:state_timeout, @reconnect_window, :gave_up}]}

  def handle_event(:enter, :reconnecting, :active, data),
    do: {:keep_state, %{data | reconnects: data.reconnects + 1}}

  def handle_event(:enter, _old, :active, %{started_at: nil} = data),
    do: {:keep_state, %{data | started_at: System.monotonic_time(:millisecond)}}

  def handle_event(:enter, _old, :ended, data) do
    Chat.Calls.Events.ended(data.call_id, data.ended_reason, duration(data))
    {:keep_state_and_data, [{:state_timeout, 0, :stop}]}
  end

  def handle_event(:enter, _old, _state, _data), do: :keep_state_and_data

  # setup
  def handle_event({:call, from}, :dial, :idle, data) do
    :ok = Chat.Calls.Signal.invite(data.callee, data.call_id, data.caller)
    {:next_state, :dialing, data, [{:reply, from, :ok}, {:state_timeout, 10_000, :unreachable}]}
  end

  def handle_event(:cast, {:ring_ack, callee_pid}, :dialing, data) do
    Process.monitor(callee_pid)
    {:next_state, :ringing, %{data | callee_pid: callee_pid}}
  end

  def handle_event({:call, from}, {:answer, sdp}, :ringing, data) do
    {:next_state, :connecting, %{data | media: Map.put(data.media, :answer, sdp)}, [{:reply, from, :ok}]}
  end

  def handle_event({:call, from}, {:answer, _sdp}, _state, _data),
    do: {:keep_state_and_data, [{:reply, from, {:error, :not_ringing}}]}

  def handle_event(:cast, :media_ready, :connecting, data), do: {:next_state, :active, data}

  # hold / resume
  def handle_event({:call, from}, {:hold, who}, :active, data),
    do: {:next_state, :on_hold, Map.put(data, :held_by, who), [{:reply, from, :ok}]}

  def handle_event({:call, from}, {:resume, who}, :on_hold, %{held_by: who} = data),
    do: {:next_state, :active, Map.delete(data, :held_by), [{:reply, from, :ok}]}

  def handle_event({:call, from}, {:resume, _other}, :on_hold, _data),
    do: {:keep_state_and_data, [{:reply, from, {:error, :held_by_other}}]}

  # network
  def handle_event(:cast, {:network_lost, _who}, state, data) when state in [:active, :on_hold],
    do: {:next_state, :reconnecting, Map.put(data, :resume_to, state)}

  def handle_event(:cast, {:network_back, _who}, :reconnecting, data),
    do: {:next_state, Map.get(data, :resume_to, :active), Map.delete(data, :resume_to)}

  # timeouts
  def handle_event(:state_timeout, :unreachable, :dialing, data),
    do: {:next_state, :ended, %{data | ended_reason: :unreachable}}

  def handle_event(:state_timeout, :no_answer, :ringing, data),
    do: {:next_state, :ended, %{data | ended_reason: :no_answer}}

  def handle_event(:state_timeout, :ice_failed, :connecting, data),
    do: {:next_state, :ended, %{data | ended_reason: :ice_failed}}

  def handle_event(:state_timeout, :gave_up, :reconnecting, data),
    do: {:next_state, :ended, %{data | ended_reason: :network}}

  def handle_event(:state_timeout, :stop, :ended, _data), do: {:stop, :normal}

  # hangup / callee death, from anywhere
  def handle_event(:cast, {:hangup, _who}, :ended, _data), do: :keep_state_and_data

  def handle_event(:cast, {:hangup, who}, _state, data),
    do: {:next_state, :ended, %{data | ended_reason: {:hangup, who}}}

  def handle_event(:info, {:DOWN, _ref, :process, pid, _}, state, %{callee_pid: pid} = data)
      when state != :ended,
      do: {:next_state, :ended, %{data | ended_reason: :callee_down}}

  def handle_event(type, event, state, _data) do
    Logger.debug("call fsm ignored #{inspect(type)} #{inspect(event)} in #{state}")
    :keep_state_and_data
  end

  defp duration(%{started_at: nil}), do: 0
  defp duration(%{started_at: t}), do: System.monotonic_time(:millisecond) - t
end
'''), ('cover/call_fsm.txt', r'''
$ mix coveralls.detail --filter call_fsm
----------------
COV    FILE                                        LINES RELEVANT   MISSED
 70.5% lib/chat/calls/call_fsm.ex                    134       44       13
[TOTAL]  70.5%
----------------
missed: 50, 53, 81, 93, 97, 100, 110, 113, 118, 125, 128, 132
partially hit (clause head matched, guard false in all runs): 123
tests touching this module: test/chat/calls/call_fsm_test.exs (9 tests)
  dial -> ringing -> answer -> active -> hangup
  dial -> unreachable timeout
  ring -> no_answer timeout
  active -> hold -> resume (same user)
  hangup while ringing
  hangup while dialing
  answer twice (second gets ok? no: asserts {:error, :not_ringing}) [skipped: @tag :skip]
  media_ready in connecting
  ended -> stop after 0ms
''')],
  reqs=['map missed lines to (state, event) pairs', 'rank gaps by what breaks for users',
        'propose the test cases, include the interleavings you think need a deterministic harness'],
  fw='exunit', lang=None)

# --- 16 --------------------------------------------------------------------
# why: reviewing pipeline wiring in one router file for missing plugs / wrong pipe_through; no auth logic or crypto implemented here: medium, not complex
t('medium', 'security-scan',
  "new router after the liveview migration. check the pipelines and scopes, something always slips",
  files=[('lib/chat_web/router.ex', r'''
defmodule ChatWeb.Router do
  use ChatWeb, :router
  import Phoenix.LiveDashboard.Router

  pipeline :browser do
    plug :accepts, ["html"]
    plug :fetch_session
    plug :fetch_live_flash
    plug :put_root_layout, html: {ChatWeb.Layouts, :root}
    plug :put_secure_browser_headers
  end

  pipeline :api do
    plug :accepts, ["json"]
    plug ChatWeb.Plugs.RateLimit, bucket: :api
  end

  pipeline :api_auth do
    plug ChatWeb.Plugs.Auth
  end

  pipeline :require_admin do
    plug ChatWeb.Plugs.RequireRole, :admin
  end

  scope "/", ChatWeb do
    pipe_through :browser

    get "/", PageController, :home
    get "/invite/:code", InviteController, :show
    post "/invite/:code/accept", InviteController, :accept

    live_session :default, on_mount: [{ChatWeb.UserAuth, :mount_current_user}] do
      live "/settings", SettingsLive, :index
      live "/settings/devices", SettingsLive, :devices
    end
  end

  scope "/api/v1", ChatWeb.API do
    pipe_through :api

    post "/sessions", SessionController, :create
    post "/password_reset", PasswordResetController, :create
    put "/password_reset/:token", PasswordResetController, :update
    get "/rooms/:id/preview", RoomController, :preview
  end

  scope "/api/v1", ChatWeb.API do
    pipe_through [:api, :api_auth]

    resources "/rooms", RoomController, except: [:new, :edit] do
      resources "/messages", MessageController, only: [:index, :create, :delete]
    end

    get "/me", UserController, :me
    get "/users/:id/export", UserController, :export
    delete "/sessions", SessionController, :delete
  end

  scope "/admin", ChatWeb.Admin do
    pipe_through [:browser, :require_admin]

    live "/reports", ReportsLive, :index
    post "/users/:id/ban", UserController, :ban
  end

  scope "/" do
    pipe_through :browser
    live_dashboard "/admin/dashboard", metrics: ChatWeb.Telemetry, ecto_repos: [Chat.Repo]
  end

  if Application.compile_env(:chat, :dev_routes) do
    scope "/dev" do
      pipe_through :browser
      forward "/mailbox", Plug.Swoosh.MailboxPreview
    end
  end
end
''')],
  reqs=['list each finding with the route(s) affected and the fix in router terms'],
  fw='phoenix', lang=None)

# --- 17 --------------------------------------------------------------------
t('simple', 'performance-testing',
  "benchee run for the msgpack vs jason vs term encoding. which one and by how much, incl memory",
  files=[('bench/out/encode_2024-06-11.txt', r'''
Operating System: Linux
CPU Information: AMD EPYC 7R13 Processor
Number of Available Cores: 8
Available memory: 31.02 GB
Elixir 1.16.2
Erlang 26.2.4
JIT enabled: true

Benchmark suite executing with the following configuration:
warmup: 2 s
time: 10 s
memory time: 2 s
inputs: small (180B msg), large (14KB msg w/ 40 reactions)

##### With input small (180B msg) #####
Name                           ips        average  deviation         median         99th %
term_to_binary              2.91 M      343.6 ns   ±2144.31%         311 ns         532 ns
msgpax                      1.12 M      892.4 ns   ±1311.02%         820 ns        1401 ns
jason                       0.98 M     1020.7 ns    ±911.47%         951 ns        1612 ns

Comparison:
term_to_binary              2.91 M
msgpax                      1.12 M - 2.60x slower +548.80 ns
jason                       0.98 M - 2.97x slower +677.10 ns

Memory usage statistics:
Name                    Memory usage
term_to_binary               0.23 KB
msgpax                       1.41 KB - 6.13x memory usage +1.18 KB
jason                        1.62 KB - 7.04x memory usage +1.39 KB

##### With input large (14KB msg w/ 40 reactions) #####
Name                           ips        average  deviation         median         99th %
term_to_binary             41.20 K       24.27 μs    ±31.02%       22.91 μs       48.30 μs
jason                      11.84 K       84.46 μs    ±18.77%       81.10 μs      131.22 μs
msgpax                     10.02 K       99.80 μs    ±21.40%       95.62 μs      160.05 μs

Comparison:
term_to_binary             41.20 K
jason                      11.84 K - 3.48x slower +60.19 μs
msgpax                     10.02 K - 4.11x slower +75.53 μs

Memory usage statistics:
Name                    Memory usage
term_to_binary              14.71 KB
jason                       92.40 KB - 6.28x memory usage +77.69 KB
msgpax                     118.33 KB - 8.04x memory usage +103.62 KB
''')], fw='benchee', lang=None)

# --- 18 --------------------------------------------------------------------
t('medium', 'defect-analysis',
  "db had a 90s brownout at 03:10. read receipts from that window are just gone and the whole receipts subtree went down with it. code + log. why both, and fix",
  files=[('lib/chat/receipts/flusher.ex', r'''
defmodule Chat.Receipts.Flusher do
  @moduledoc "buffers read receipts in memory, writes them in one insert_all every 500ms"
  use GenServer
  require Logger
  alias Chat.Repo
  alias Chat.Receipts.Receipt

  @flush_every 500
  @max_buffer 5_000

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)

  def mark_read(user_id, message_id) do
    GenServer.cast(__MODULE__, {:read, user_id, message_id, DateTime.utc_now()})
  end

  @impl true
  def init(_opts) do
    schedule()
    {:ok, %{buf: [], size: 0}}
  end

  @impl true
  def handle_cast({:read, user_id, message_id, at}, %{size: size} = state) when size >= @max_buffer do
    Logger.warning("receipt buffer full, dropping user=#{user_id} msg=#{message_id} at=#{at}")
    {:noreply, state}
  end

  def handle_cast({:read, user_id, message_id, at}, state) do
    row = %{user_id: user_id, message_id: message_id, read_at: at}
    {:noreply, %{state | buf: [row | state.buf], size: state.size + 1}}
  end

  @impl true
  def handle_info(:flush, %{buf: []} = state) do
    schedule()
    {:noreply, state}
  end

  def handle_info(:flush, state) do
    {n, _} =
      Repo.insert_all(Receipt, Enum.reverse(state.buf),
        on_conflict: {:replace, [:read_at]},
        conflict_target: [:user_id, :message_id],
        timeout: 2_000
      )

    Logger.debug("flushed #{n} receipts")
    schedule()
    {:noreply, %{state | buf: [], size: 0}}
  end

  defp schedule, do: Process.send_after(self(), :flush, @flush_every)
end
'''), ('lib/chat/receipts/supervisor.ex', r'''
defmodule Chat.Receipts.Supervisor do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(_arg) do
    children = [
      Chat.Receipts.Flusher,
      {Chat.Receipts.Cache, []},
      {Chat.Receipts.Broadcaster, []}
    ]

    Supervisor.init(children, strategy: :one_for_all, max_restarts: 3, max_seconds: 10)
  end
end
'''), ('log/chat-4_0310.log', r'''
03:10:02.511 [error] GenServer Chat.Receipts.Flusher terminating
** (DBConnection.ConnectionError) tcp recv (idle): timeout
    (ecto_sql 3.11.1) lib/ecto/adapters/sql.ex:1054: Ecto.Adapters.SQL.raise_sql_call_error/1
    (ecto_sql 3.11.1) lib/ecto/adapters/sql.ex:952: Ecto.Adapters.SQL.insert_all/9
    (chat 4.17.3) lib/chat/receipts/flusher.ex:43: Chat.Receipts.Flusher.handle_info/2
Last message: :flush
State: %{buf: [...], size: 3112}
03:10:02.519 [info] Chat.Receipts.Flusher started
03:10:05.044 [error] GenServer Chat.Receipts.Flusher terminating
** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms
03:10:05.051 [info] Chat.Receipts.Flusher started
03:10:07.590 [error] GenServer Chat.Receipts.Flusher terminating
** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms
03:10:07.601 [info] Chat.Receipts.Flusher started
03:10:10.118 [error] GenServer Chat.Receipts.Flusher terminating
** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2000ms
03:10:10.119 [error] Child Chat.Receipts.Supervisor of Supervisor Chat.Supervisor shut down abnormally
** (exit) :reached_max_restart_intensity
03:10:10.121 [notice] Application chat exited: shutdown
''')],
  fw='exunit', lang=None)

# --- 19 --------------------------------------------------------------------
t('complex', 'quality-gate',
  "gate for rolling 4.18 onto prod. during the roll 4.17 and 4.18 nodes are in the same cluster for ~25 min. ci is all green. can we roll straight or does this need a two-step release",
  files=[('ci/gate_4.18.txt', r'''
tests: 2657 passed, 0 failed (chat, chat_web, push)
coverage: 84.9%
dialyzer: clean
release smoke: single node boot ok, migrations ok on prod snapshot copy
mixed-version test: NOT RUN (suite tagged :mixed_cluster is excluded in ci since 4.15)
'''), ('lib/chat/messages/wire.ex', r'''
defmodule Chat.Messages.Wire do
  @moduledoc "term shipped between nodes for fanout. v2 adds thread_id and edits."
  alias Chat.Messages.Message
  @version 2

  def encode(%Message{} = m) do
    {:chat_msg, @version, m.id, m.room_id, m.sender_id, m.body, m.thread_id, m.hlc, m.edits}
  end

  def decode({:chat_msg, 2, id, room, sender, body, thread, hlc, edits}) do
    {:ok, %Message{id: id, room_id: room, sender_id: sender, body: body, thread_id: thread, hlc: hlc, edits: edits}}
  end

  def decode({:chat_msg, 1, id, room, sender, body, hlc}) do
    {:ok, %Message{id: id, room_id: room, sender_id: sender, body: body, hlc: hlc, edits: []}}
  end

  def decode(other), do: {:error, {:unknown_wire, other}}
end
'''), ('ci/diff_4.17_4.18.patch', r'''
--- a/lib/chat/messages/wire.ex (4.17)
+++ b/lib/chat/messages/wire.ex (4.18)
-  @version 1
+  @version 2
-  def encode(%Message{} = m), do: {:chat_msg, @version, m.id, m.room_id, m.sender_id, m.body, m.hlc}
+  def encode(%Message{} = m) do
+    {:chat_msg, @version, m.id, m.room_id, m.sender_id, m.body, m.thread_id, m.hlc, m.edits}
+  end
-  def decode({:chat_msg, 1, id, room, sender, body, hlc}) do
+  def decode({:chat_msg, 2, id, room, sender, body, thread, hlc, edits}) do
...
--- a/lib/chat/rooms.ex (4.18)
-  def online_members(room_id) do
+  def online_members(room_id, opts \\ []) do
...
--- a/lib/chat/delivery/fanout.ex (4.18)
-      :pg.get_members(:chat, {:room, room_id})
+      :pg.get_members(:chat_fanout, {:room, room_id})
'''), ('lib/chat/delivery/fanout.ex', r'''
defmodule Chat.Delivery.Fanout do
  alias Chat.Messages.Wire

  def deliver(msg) do
    wire = Wire.encode(msg)

    for pid <- :pg.get_members(:chat_fanout, {:room, msg.room_id}) do
      send(pid, {:fanout, wire})
    end

    for node <- Node.list() do
      :erpc.cast(node, Chat.Rooms, :touch_activity, [msg.room_id, msg.hlc])
    end

    :ok
  end
end
'''), ('lib/chat/rooms/room_server.ex', r'''
defmodule Chat.Rooms.RoomServer do
  use GenServer
  alias Chat.Messages.Wire

  def init(room_id) do
    :pg.join(:chat_fanout, {:room, room_id}, self())
    {:ok, %{room_id: room_id, members: Chat.Rooms.online_members(room_id, include_idle: true)}}
  end

  def handle_info({:fanout, wire}, state) do
    {:ok, msg} = Wire.decode(wire)
    ChatWeb.Endpoint.local_broadcast("room:" <> state.room_id, "new_msg", msg)
    {:noreply, state}
  end

  def handle_call({:members_remote, node}, _from, state) do
    {:reply, :erpc.call(node, Chat.Rooms, :online_members, [state.room_id, [include_idle: true]]), state}
  end
end
'''), ('priv/repo/migrations/20240610120000_drop_legacy_flags.exs', r'''
defmodule Chat.Repo.Migrations.DropLegacyFlags do
  use Ecto.Migration

  def change do
    alter table(:messages) do
      remove :legacy_flags, :integer, default: 0
    end
  end
end
'''), ('lib/chat/messages/message.ex', r'''
defmodule Chat.Messages.Message do
  use Ecto.Schema

  @primary_key {:id, Ecto.ULID, autogenerate: true}
  schema "messages" do
    field :room_id, :string
    field :sender_id, :string
    field :body, :string
    field :thread_id, :string
    field :hlc, Chat.HLC.EctoType
    field :edits, {:array, :map}, default: []
    timestamps(type: :utc_datetime_usec)
  end
end
''')],
  reqs=['for each incompatibility: which direction breaks (old->new, new->old), what the user sees',
        'verdict plus the release plan if it is a no'],
  lang=None)

# --- 20 --------------------------------------------------------------------
# why: one flaky test with its log and a short genserver; the timeout equals the ttl: medium diagnosis, no cross-process race to untangle
t('medium', 'flaky-test-analysis',
  "typing_indicator_test flakes on ci runners, never on my laptop. log below",
  files=[('lib/chat/typing_indicator.ex', r'''
defmodule Chat.TypingIndicator do
  use GenServer

  @ttl_ms 3_000

  def start_link(opts) do
    GenServer.start_link(__MODULE__, opts, name: Keyword.get(opts, :name, __MODULE__))
  end

  def typing(server \\ __MODULE__, room_id, user_id),
    do: GenServer.cast(server, {:typing, room_id, user_id})

  @impl true
  def init(opts) do
    {:ok, %{ttl: Keyword.get(opts, :ttl_ms, @ttl_ms), timers: %{}}}
  end

  @impl true
  def handle_cast({:typing, room_id, user_id}, state) do
    key = {room_id, user_id}
    if ref = state.timers[key], do: Process.cancel_timer(ref)

    unless Map.has_key?(state.timers, key) do
      Phoenix.PubSub.broadcast(Chat.PubSub, "typing:" <> room_id, {:typing_started, room_id, user_id})
    end

    ref = Process.send_after(self(), {:expire, key}, state.ttl)
    {:noreply, put_in(state.timers[key], ref)}
  end

  @impl true
  def handle_info({:expire, {room_id, user_id} = key}, state) do
    Phoenix.PubSub.broadcast(Chat.PubSub, "typing:" <> room_id, {:typing_stopped, room_id, user_id})
    {:noreply, %{state | timers: Map.delete(state.timers, key)}}
  end
end
'''), ('test/chat/typing_indicator_test.exs', r'''
defmodule Chat.TypingIndicatorTest do
  use ExUnit.Case, async: true
  alias Chat.TypingIndicator

  setup do
    room = "r#{System.unique_integer([:positive])}"
    Phoenix.PubSub.subscribe(Chat.PubSub, "typing:" <> room)
    pid = start_supervised!({TypingIndicator, name: nil, ttl_ms: 100})
    {:ok, room: room, pid: pid}
  end

  test "emits started then stopped", %{room: room, pid: pid} do
    TypingIndicator.typing(pid, room, "u1")
    assert_receive {:typing_started, ^room, "u1"}
    assert_receive {:typing_stopped, ^room, "u1"}, 100
  end

  test "re-typing does not re-emit started", %{room: room, pid: pid} do
    TypingIndicator.typing(pid, room, "u1")
    TypingIndicator.typing(pid, room, "u1")
    assert_receive {:typing_started, ^room, "u1"}
    refute_receive {:typing_started, ^room, "u1"}, 20
  end
end
'''), ('ci/run_5531.log', r'''
Running ExUnit with seed: 90127, max_cases: 4

  1) test emits started then stopped (Chat.TypingIndicatorTest)
     test/chat/typing_indicator_test.exs:11
     Assertion failed, no matching message after 100ms
     Showing 1 of 1 message in the mailbox
     code: assert_receive {:typing_stopped, ^room, "u1"}
     mailbox:
       pattern: {:typing_stopped, ^room, "u1"}
       value:   {:typing_started, "r6914", "u1"}
     stacktrace:
       test/chat/typing_indicator_test.exs:14: (test)

Finished in 41.8 seconds (12.3s async, 29.5s sync)
2657 tests, 1 failure, 23 excluded
''')],
  fw='exunit', lang=None)

# --- 21 --------------------------------------------------------------------
t('simple', 'coverage-analysis',
  "which public functions in Chat.Drafts have zero coverage",
  files=[('cover/drafts_fun.txt', r'''
:cover.analyse(Chat.Drafts, :coverage, :function)
{:ok,
 [
   {{Chat.Drafts, :__info__, 1}, {0, 0}},
   {{Chat.Drafts, :save, 3}, {9, 0}},
   {{Chat.Drafts, :get, 2}, {4, 0}},
   {{Chat.Drafts, :list_for_user, 1}, {5, 0}},
   {{Chat.Drafts, :delete, 2}, {0, 3}},
   {{Chat.Drafts, :delete_all_for_room, 1}, {0, 4}},
   {{Chat.Drafts, :expire_older_than, 1}, {0, 6}},
   {{Chat.Drafts, :touch, 2}, {2, 1}},
   {{Chat.Drafts, :sync_from_device, 3}, {0, 11}},
   {{Chat.Drafts, :normalize_body, 1}, {3, 0}},
   {{Chat.Drafts, :"-expire_older_than/1-fun-0-", 1}, {0, 2}},
   {{Chat.Drafts, :key, 2}, {2, 0}}
 ]}
note: normalize_body/1 and key/2 are defp
''')], fw='exunit', lang=None)

# --- 22 --------------------------------------------------------------------
t('complex', 'performance-testing',
  "we're signing a customer that would take us from ~400k to ~2M concurrent sockets. need a load test plan for the whole thing before we say yes: ws connect storms, channel joins, fanout in 10k-member rooms, presence, push fallback. current topology below",
  files=[('docs/topology.md', r'''
# prod topology (2024-06)
- 6x chat nodes (c6i.4xlarge, 16 vcpu, 32GB), libcluster k8s dns strategy, fully meshed dist
- phoenix 1.7, cowboy, channels over ws, longpoll fallback disabled
- Phoenix.PubSub pg adapter, pool_size 10
- presence: ChatWeb.RoomPresence on every room topic (tracker broadcast_period 1500ms)
- postgres 15, 1 primary + 2 replicas, pgbouncer in transaction mode, pool_size 40/node
- push: Chat.Push.Router -> apns/fcm via finch, pool 50/node
- LB: aws nlb, idle timeout 350s, client heartbeat 30s
- peak today: 410k sockets, 1.9M channel joins, 22k msgs/s in, ~3.1M deliveries/s out
- biggest room: 8.2k members; customer expects 10k-member rooms x ~300
'''), ('loadtest/tsung_current.xml', r'''
<?xml version="1.0"?>
<!DOCTYPE tsung SYSTEM "tsung-1.0.dtd">
<tsung loglevel="notice">
  <clients>
    <client host="lg1" maxusers="60000"/>
    <client host="lg2" maxusers="60000"/>
  </clients>
  <servers><server host="chat-lb.internal" port="443" type="ssl"/></servers>
  <load>
    <arrivalphase phase="1" duration="10" unit="minute">
      <users arrivalrate="150" unit="second"/>
    </arrivalphase>
  </load>
  <sessions>
    <session name="ws_idle" probability="100" type="ts_websocket">
      <request><websocket type="connect" path="/socket/websocket?vsn=2.0.0&amp;token=LOADTEST_FAKE_TOKEN"/></request>
      <request><websocket type="message">["1","1","room:lt-%%_room%%","phx_join",{}]</websocket></request>
      <for from="1" to="40" var="i">
        <thinktime value="30"/>
        <request><websocket type="message">[null,"2","phoenix","heartbeat",{}]</websocket></request>
      </for>
    </session>
  </sessions>
</tsung>
''')],
  reqs=['scenarios, ramp shapes, what to measure on the beam side (schedulers, run queues, dist buffer, mailbox lens, memory per socket)',
        'how many load generators and how to not bottleneck on them', 'pass/fail criteria per scenario',
        'which failure modes you expect first and how the test would show them'],
  lang=None)

# --- 23 --------------------------------------------------------------------
# why: 20-line function, but the requirements (unicode handles, emails, code spans, dedupe) need judgement about which inputs count as mentions
t('medium', 'test-generation',
  "tests for mention extraction. product rules in reqs, some of them the code probably gets wrong, that's fine, tests should say so",
  files=[('lib/chat/messages/mentions.ex', r'''
defmodule Chat.Messages.Mentions do
  @handle ~r/(?:^|\s)@([\p{L}\p{N}_.]{2,32})/u

  @spec extract(String.t()) :: [String.t()]
  def extract(body) when is_binary(body) do
    body
    |> strip_code()
    |> then(&Regex.scan(@handle, &1, capture: :all_but_first))
    |> List.flatten()
    |> Enum.map(&String.downcase/1)
    |> Enum.map(&String.trim_trailing(&1, "."))
    |> Enum.uniq()
  end

  defp strip_code(body) do
    body
    |> String.replace(~r/```.*?```/s, " ")
    |> String.replace(~r/`[^`]*`/, " ")
  end
end
''')],
  reqs=['@here and @channel are not user mentions', 'emails like ana@example.com are not mentions',
        'handles are case-insensitive, unicode letters allowed (e.g. @zoë, @Ünal)',
        'trailing punctuation (.,!?:) is not part of the handle',
        'nothing inside inline code or fenced blocks counts', 'order of first appearance, no dupes'],
  fw='exunit', lang=None)

# --- 24 --------------------------------------------------------------------
t('simple', 'quality-gate',
  "pr gate: 0 failing tests, 0 new dialyzer warnings, credo no warning-level. here's the output. merge?",
  files=[('ci/pr_8841.txt', r'''
mix test: 2661 tests, 0 failures, 23 excluded
mix dialyzer: done (passed successfully)
mix credo --strict:
  ┃ [R] → Pipe chain should start with a raw value.  lib/chat/drafts.ex:41:5
  ┃ [D] → Nested modules could be aliased at the top of the invoking module.  lib/chat/threads.ex:88:9
  Analysis took 6.3 seconds (0.4s to load, 5.9s running 61 checks on 412 files)
  3114 mods/funs, found 1 refactoring opportunity, 1 software design suggestion.
''')], lang=None)

# --- 25 --------------------------------------------------------------------
t('complex', 'security-scan',
  "user socket connect. mobile and web both go through it. look at it properly",
  files=[('lib/chat_web/channels/user_socket.ex', r'''
defmodule ChatWeb.UserSocket do
  use Phoenix.Socket
  require Logger

  channel "room:*", ChatWeb.RoomChannel
  channel "dm:*", ChatWeb.DMChannel
  channel "user:*", ChatWeb.UserChannel

  @salt "user socket"

  @impl true
  def connect(%{"token" => token} = params, socket, connect_info) do
    case Phoenix.Token.verify(ChatWeb.Endpoint, @salt, token, max_age: :infinity) do
      {:ok, %{"uid" => uid, "dev" => device_id}} ->
        user_id = Map.get(params, "as_user", uid)
        Logger.metadata(user_id: user_id, device: device_id, token: token)

        {:ok,
         socket
         |> assign(:user_id, user_id)
         |> assign(:device_id, device_id)
         |> assign(:ip, peer_ip(connect_info))}

      {:error, :expired} ->
        :error

      {:error, _} ->
        legacy_connect(params, socket)
    end
  end

  def connect(_params, _socket, _connect_info), do: :error

  defp legacy_connect(%{"uid" => uid, "sig" => sig}, socket) do
    expected = :crypto.mac(:hmac, :sha, Application.fetch_env!(:chat, :legacy_socket_key), uid)

    if Base.encode16(expected, case: :lower) == String.downcase(sig) do
      {:ok, assign(socket, :user_id, uid)}
    else
      :error
    end
  end

  defp legacy_connect(_, _), do: :error

  defp peer_ip(%{x_headers: headers, peer_data: %{address: addr}}) do
    case List.keyfind(headers, "x-forwarded-for", 0) do
      {_, xff} -> xff |> String.split(",") |> hd() |> String.trim()
      nil -> addr |> :inet.ntoa() |> to_string()
    end
  end

  @impl true
  def id(socket), do: "user_socket:#{socket.assigns.user_id}"
end
'''), ('lib/chat_web/channels/user_channel.ex', r'''
defmodule ChatWeb.UserChannel do
  use ChatWeb, :channel

  @impl true
  def join("user:" <> _user_id, _params, socket) do
    {:ok, socket}
  end

  @impl true
  def handle_in("mark_read", %{"message_id" => mid}, socket) do
    Chat.Receipts.Flusher.mark_read(socket.assigns.user_id, mid)
    {:noreply, socket}
  end
end
'''), ('lib/chat_web/endpoint.ex', r'''
  socket "/socket", ChatWeb.UserSocket,
    websocket: [connect_info: [:peer_data, :x_headers], check_origin: false, timeout: 45_000],
    longpoll: [connect_info: [:peer_data, :x_headers]]
''')],
  reqs=['threat model first (who can connect as whom), then findings by severity', 'concrete fixes, incl. how to migrate the legacy path off without breaking old app versions'],
  fw='phoenix', lang=None)

# --- 26 --------------------------------------------------------------------
t('medium', 'test-execution',
  "ci runs the umbrella with --partitions 4 and we get failures that never show up in a plain mix test. run it both ways and tell me which failures only happen partitioned and what they share",
  files=[('.github/workflows/ci.yml', r'''
  test:
    runs-on: ubuntu-22.04
    strategy:
      matrix:
        partition: [1, 2, 3, 4]
    services:
      postgres:
        image: postgres:15
        env: { POSTGRES_PASSWORD: postgres }
        ports: ["5432:5432"]
    env:
      MIX_ENV: test
      MIX_TEST_PARTITION: ${{ matrix.partition }}
    steps:
      - uses: actions/checkout@v4
      - uses: erlef/setup-beam@v1
        with: { otp-version: "26.2", elixir-version: "1.16.2" }
      - run: mix deps.get
      - run: mix ecto.create && mix ecto.migrate
      - run: mix test --partitions 4 --warnings-as-errors
'''), ('config/test.exs', r'''
import Config

config :chat, Chat.Repo,
  username: "postgres",
  password: "postgres",
  hostname: "localhost",
  database: "chat_test#{System.get_env("MIX_TEST_PARTITION")}",
  pool: Ecto.Adapters.SQL.Sandbox,
  pool_size: System.schedulers_online() * 2

config :push, Push.Redis, url: "redis://localhost:6379/3"
config :chat, Chat.Search.Indexer, index_dir: "tmp/search_index"
config :chat_web, ChatWeb.Endpoint, http: [port: 4002], server: false
'''), ('apps/chat/test/test_helper.exs', r'''
ExUnit.start(exclude: [:cluster, :integration])
Ecto.Adapters.SQL.Sandbox.mode(Chat.Repo, :manual)
File.rm_rf!(Application.fetch_env!(:chat, Chat.Search.Indexer)[:index_dir])
'''), ('apps/chat_web/test/test_helper.exs', r'''
ExUnit.start(exclude: [:cluster])
Ecto.Adapters.SQL.Sandbox.mode(Chat.Repo, :manual)
{:ok, _} = Application.ensure_all_started(:wallaby)
''')],
  reqs=['exact commands for both modes', 'group failures by shared resource'],
  fw='exunit', lang=None)

# --- 27 --------------------------------------------------------------------
# why: 120 regular log lines, the ask is a count of distinct reasons: long but mechanical
t('simple', 'defect-analysis',
  "push router log from the last hour. distinct error reasons with counts, most frequent first. nothing else",
  files=[('log/push_router_last_hour.log', lines(120, lambda i: '2024-06-12T%02d:%02d:%02d.%03dZ [%s] push %s id=01HZ%06d %s' % (
      10 + i // 60, i % 60, (i * 17) % 60, (i * 389) % 1000,
      'warning' if i % 5 else 'error',
      ['apns', 'fcm'][i % 2],
      100000 + i * 7,
      ['reason=BadDeviceToken', 'reason=Unregistered', 'reason=timeout after 5000ms', 'reason=TooManyRequests retry_after=30',
       'reason=BadDeviceToken', 'reason=InvalidProviderToken', 'reason=Unregistered', 'reason={:closed, :remote}'][(i * 3) % 8])))],
  lang=None)

# --- 28 --------------------------------------------------------------------
t('complex', 'flaky-test-analysis',
  "cluster test for room handoff flakes maybe 5% of runs. after killing the node that owns a room, the room comes back on two nodes for a moment and one message lands on the wrong one. test + ring + handoff below",
  files=[('lib/chat/cluster/ring.ex', r'''
defmodule Chat.Cluster.Ring do
  @moduledoc "which node owns a room. consistent hash over the current Node.list()."

  def owner(room_id, nodes \\ [node() | Node.list()]) do
    nodes
    |> Enum.sort()
    |> Enum.max_by(fn n -> :erlang.phash2({n, room_id}) end)
  end
end
'''), ('lib/chat/cluster/handoff.ex', r'''
defmodule Chat.Cluster.Handoff do
  use GenServer
  require Logger
  alias Chat.Cluster.Ring
  alias Chat.Rooms.RoomSupervisor

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  @impl true
  def init(_) do
    :ok = :net_kernel.monitor_nodes(true, node_type: :visible)
    {:ok, %{}}
  end

  @impl true
  def handle_info({:nodedown, down, _info}, state) do
    Logger.info("nodedown #{down}, rebalancing")
    for room_id <- Chat.Rooms.active_room_ids(), Ring.owner(room_id) == node() do
      RoomSupervisor.ensure_started(room_id)
    end
    {:noreply, state}
  end

  def handle_info({:nodeup, up, _info}, state) do
    for {room_id, pid} <- RoomSupervisor.local_rooms(), Ring.owner(room_id) != node() do
      Logger.info("handing #{room_id} to #{Ring.owner(room_id)}")
      :ok = RoomSupervisor.stop_room(pid)
    end
    _ = up
    {:noreply, state}
  end
end
'''), ('lib/chat/rooms/room_supervisor.ex', r'''
defmodule Chat.Rooms.RoomSupervisor do
  use DynamicSupervisor

  def start_link(_), do: DynamicSupervisor.start_link(__MODULE__, [], name: __MODULE__)
  def init(_), do: DynamicSupervisor.init(strategy: :one_for_one)

  def ensure_started(room_id) do
    case :pg.get_members(:chat_rooms, room_id) do
      [] -> DynamicSupervisor.start_child(__MODULE__, {Chat.Rooms.RoomServer, room_id})
      [pid | _] -> {:ok, pid}
    end
  end

  def local_rooms do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(__MODULE__),
        do: {GenServer.call(pid, :room_id), pid}
  end

  def stop_room(pid), do: DynamicSupervisor.terminate_child(__MODULE__, pid)

  def whereis(room_id) do
    case :pg.get_members(:chat_rooms, room_id) do
      [pid | _] -> pid
      [] -> nil
    end
  end
end
'''), ('test/chat/cluster/handoff_test.exs', r'''
defmodule Chat.Cluster.HandoffTest do
  use ExUnit.Case, async: false
  @moduletag :cluster

  test "room moves to a single new owner after its node dies" do
    [n1, n2, n3] = LocalCluster.start_nodes("handoff", 3, files: [__ENV__.file])
    room = "room-#{System.unique_integer([:positive])}"
    owner = :rpc.call(n1, Chat.Cluster.Ring, :owner, [room])
    {:ok, _} = :rpc.call(owner, Chat.Rooms.RoomSupervisor, :ensure_started, [room])

    :ok = LocalCluster.stop_nodes([owner])
    survivors = [n1, n2, n3] -- [owner]
    Process.sleep(300)

    pids = for n <- survivors, pid = :rpc.call(n, Chat.Rooms.RoomSupervisor, :whereis, [room]), do: {n, pid}
    assert length(Enum.uniq_by(pids, &elem(&1, 1))) == 1

    :ok = :rpc.call(hd(survivors), Chat.Rooms, :post, [room, "u1", "hello"])
    [{_, pid}] = Enum.uniq_by(pids, &elem(&1, 1))
    assert :rpc.call(node(pid), Chat.Rooms.RoomServer, :last_body, [pid]) == "hello"
  end
end
'''), ('ci/handoff_fail.log', r'''
[info] [handoff1] nodedown handoff2@127.0.0.1, rebalancing
[info] [handoff3] nodedown handoff2@127.0.0.1, rebalancing
[debug] [handoff1] active_room_ids -> ["room-4411"]
[debug] [handoff3] active_room_ids -> ["room-4411"]
[debug] [handoff1] Ring.owner("room-4411") nodes=[handoff1, handoff3, manager] -> handoff1
[debug] [handoff3] Ring.owner("room-4411") nodes=[handoff1, handoff3] -> handoff3
[info] [handoff1] started RoomServer room-4411 #PID<21871.412.0>
[info] [handoff3] started RoomServer room-4411 #PID<21873.398.0>

  1) test room moves to a single new owner after its node dies (Chat.Cluster.HandoffTest)
     Assertion with == failed
     code:  assert length(Enum.uniq_by(pids, &elem(&1, 1))) == 1
     left:  2
     right: 1
''')],
  fw='exunit', lang=None)

# --- 29 --------------------------------------------------------------------
t('medium', 'coverage-analysis',
  "coverage gaps in lib/chat/delivery/ (retry + ack). which missed lines matter and what tests would hit them",
  files=[('lib/chat/delivery/retry.ex', r'''
defmodule Chat.Delivery.Retry do
  @moduledoc "backoff schedule + decision for failed deliveries"
  require Logger

  @max_attempts 8
  @base_ms 200
  @cap_ms 60_000

  @type decision :: {:retry, non_neg_integer()} | :give_up | :drop

  @spec decide(map(), term()) :: decision()
  def decide(%{attempt: n}, _reason) when n >= @max_attempts, do: :give_up
  def decide(_row, {:error, :unregistered}), do: :drop
  def decide(_row, {:error, :payload_too_large}), do: :drop
  def decide(%{attempt: n}, {:error, {:rate_limited, retry_after_s}}) when is_integer(retry_after_s) do
    {:retry, max(retry_after_s * 1000, delay(n))}
  end
  def decide(%{attempt: n}, {:error, :timeout}), do: {:retry, delay(n)}
  def decide(%{attempt: n}, {:exit, _}), do: {:retry, delay(n)}
  def decide(row, other) do
    Logger.warning("unknown delivery failure #{inspect(other)} for #{row.id}, retrying")
    {:retry, delay(row.attempt)}
  end

  @spec delay(non_neg_integer()) :: non_neg_integer()
  def delay(attempt) do
    exp = @base_ms * Integer.pow(2, attempt)
    jitter = :rand.uniform(max(div(exp, 5), 1))
    min(@cap_ms, exp + jitter)
  end
end
'''), ('lib/chat/delivery/ack.ex', r'''
defmodule Chat.Delivery.Ack do
  @moduledoc "client acks for delivered messages, batched per device"
  import Ecto.Query
  alias Chat.Repo
  alias Chat.Delivery.DeviceCursor

  def ack(device_id, up_to_id) when is_binary(up_to_id) do
    Repo.transaction(fn ->
      cursor =
        DeviceCursor
        |> where(device_id: ^device_id)
        |> lock("FOR UPDATE")
        |> Repo.one()

      cond do
        is_nil(cursor) ->
          Repo.insert!(%DeviceCursor{device_id: device_id, acked_up_to: up_to_id})

        up_to_id > cursor.acked_up_to ->
          cursor |> Ecto.Changeset.change(acked_up_to: up_to_id) |> Repo.update!()

        true ->
          cursor
      end
    end)
  end

  def ack(_device_id, _), do: {:error, :bad_cursor}

  def pending_count(device_id) do
    from(m in "device_inbox",
      join: c in DeviceCursor, on: c.device_id == m.device_id,
      where: m.device_id == ^device_id and m.id > c.acked_up_to,
      select: count(m.id)
    )
    |> Repo.one()
  end
end
'''), ('cover/delivery.txt', r'''
COV    FILE                                   LINES RELEVANT   MISSED
 58.3% lib/chat/delivery/retry.ex               36       12        5
 71.4% lib/chat/delivery/ack.ex                 42       14        4
missed lines:
  retry.ex: 13, 14, 16, 21, 22
  ack.ex:   22, 25, 28, 31
''')],
  reqs=['prioritise by risk, not by line count', 'say which tests need the db sandbox and which are pure'],
  fw='exunit', lang=None)

# --- 30 --------------------------------------------------------------------
# why: lots of backstory, but the actual ask is rerunning the failed set and reporting: mechanical
t('simple', 'test-execution',
  "long day. merged the ecto 3.11 bump this morning, then jo's threads pr, then reverted half of jo's pr because the migration was wrong, then re-applied a fixed version. ci is red on main with 14 failures and i honestly don't know which of those are from which change. don't analyse anything yet, just rerun only what failed last time (mix test --failed) on current main and give me the list of what's still red with file:line",
  fw='exunit', lang=None)

# --- 31 --------------------------------------------------------------------
t('medium', 'performance-testing',
  "k6 script for POST /api/v1/rooms/:id/messages. each vu logs in once, posts into its own room, ramp to 2k rps over 5 min, hold 10. thresholds in reqs",
  files=[('docs/api_messages.md', r'''
POST /api/v1/sessions        {"email","password"} -> 201 {"token","user_id"}
POST /api/v1/rooms           auth: Bearer  {"name"} -> 201 {"id"}
POST /api/v1/rooms/:id/messages  auth: Bearer
  body: {"body": string <= 4000 chars, "client_id": uuid}   # client_id makes the post idempotent per room
  201 {"id","hlc"} | 409 duplicate client_id | 413 body too long | 429 {"retry_after"}
rate limit: 20 msgs burst, 5/s refill per user (Chat.RateLimiter)
load test users: lt_user_0001..lt_user_5000@loadtest.invalid, password from env LT_PASSWORD
''')],
  reqs=['p95 < 150ms, p99 < 400ms, error rate < 0.5% excluding 429s', 'count 429s separately with a custom metric',
        'use setup() only for things shared by all vus', 'scenario with ramping-arrival-rate, not vus loops'],
  fw='k6', lang='javascript')

# --- 32 --------------------------------------------------------------------
t('complex', 'defect-analysis',
  "people in big groups say messages sometimes show up in a different order for different people. never in dms, never in small groups. seems worse when the group is busy. here's the send path",
  files=[('lib/chat/rooms.ex', r'''
defmodule Chat.Rooms do
  alias Chat.Rooms.{RoomServer, RoomSupervisor}
  alias Chat.Messages

  def post(room_id, sender_id, body) do
    {:ok, pid} = RoomSupervisor.ensure_started(room_id)
    GenServer.call(pid, {:post, sender_id, body})
  end

  def fanout_mode(member_count) when member_count > 500, do: :sharded
  def fanout_mode(_), do: :direct
end
'''), ('lib/chat/rooms/room_server.ex', r'''
defmodule Chat.Rooms.RoomServer do
  use GenServer
  alias Chat.{HLC, Messages}
  alias Chat.Delivery.Shards

  def init(room_id) do
    members = Chat.Rooms.Membership.list(room_id)
    {:ok, %{room_id: room_id, members: members, clock: HLC.init(node_id())}}
  end

  def handle_call({:post, sender_id, body}, _from, state) do
    clock = HLC.now(state.clock, System.os_time(:millisecond))
    {:ok, msg} = Messages.insert(state.room_id, sender_id, body, clock)

    case Chat.Rooms.fanout_mode(length(state.members)) do
      :direct ->
        ChatWeb.Endpoint.broadcast("room:" <> state.room_id, "new_msg", msg)

      :sharded ->
        state.members
        |> Enum.chunk_every(250)
        |> Enum.each(fn chunk ->
          Task.Supervisor.start_child(Chat.FanoutTasks, fn -> Shards.push(chunk, msg) end)
        end)
    end

    {:reply, {:ok, msg}, %{state | clock: clock}}
  end

  defp node_id, do: :erlang.phash2(node())
end
'''), ('lib/chat/delivery/shards.ex', r'''
defmodule Chat.Delivery.Shards do
  def push(member_chunk, msg) do
    member_chunk
    |> Enum.group_by(&Chat.Presence.Locator.node_for/1)
    |> Enum.each(fn
      {nil, offline} -> Chat.Push.Router.enqueue_offline_users(offline, msg)
      {node, online} -> :erpc.cast(node, ChatWeb.UserFanout, :deliver, [online, msg])
    end)
  end
end
'''), ('lib/chat_web/user_fanout.ex', r'''
defmodule ChatWeb.UserFanout do
  def deliver(user_ids, msg) do
    for uid <- user_ids do
      ChatWeb.Endpoint.local_broadcast("user:" <> uid, "new_msg", msg)
    end
    :ok
  end
end
'''), ('assets/js/room_store.ts', r'''
// web client: appends messages as they arrive, sorts only on full history reload
export function onNewMsg(state: RoomState, msg: WireMsg): RoomState {
  if (state.byId.has(msg.id)) return state;
  const byId = new Map(state.byId).set(msg.id, msg);
  return { ...state, byId, order: [...state.order, msg.id] };
}
''')],
  lang=None)

# --- 33 --------------------------------------------------------------------
# why: long file, but the ask is to list String.to_atom/1 call sites and say which take external input: a grep-level pass, no exploit reasoning asked
t('simple', 'security-scan',
  "list every String.to_atom in this module with line and what it's fed. we're swapping them for to_existing_atom or a whitelist later, i just want the inventory",
  files=[('lib/chat_web/api/params.ex',
          'defmodule ChatWeb.API.Params do\n  @moduledoc "param coercion helpers used by the json controllers"\n\n' +
          lines(48, lambda i: [
              '  def sort_field(%{"sort" => s}), do: String.to_atom(s)',
              '  def sort_dir(%{"dir" => d}) when d in ["asc", "desc"], do: String.to_atom(d)',
              '  def filter_key(k) when is_binary(k), do: String.to_atom("filter_" <> k)',
              '  def status(%{"status" => s}), do: String.to_existing_atom(s)',
              '  def limit(%{"limit" => l}), do: l |> String.to_integer() |> min(200) |> max(1)',
              '  def include(%{"include" => inc}), do: inc |> String.split(",") |> Enum.map(&String.to_atom/1)',
              '  def kind(%{"kind" => k}), do: Map.fetch!(%{"text" => :text, "image" => :image}, k)',
              '  def feature_flag(name) when is_binary(name), do: :"ff_#{name}"',
          ][i % 8] if i < 8 else [
              '  def %s_sort(%%{"sort" => s}), do: String.to_atom(s)',
              '  def %s_cursor(%%{"cursor" => c}), do: Base.url_decode64!(c, padding: false)',
              '  def %s_event(%%{"event" => e}), do: String.to_atom("evt_" <> e)',
              '  def %s_tz(%%{"tz" => tz}), do: if(Tzdata.zone_exists?(tz), do: tz, else: "Etc/UTC")',
              '  def %s_flag(%%{"flag" => f}), do: f in ["1", "true", "yes"]',
              '  def %s_locale(_), do: String.to_atom(Application.get_env(:chat, :default_locale, "en"))',
          ][i % 6] % ['rooms', 'messages', 'users', 'threads', 'reactions', 'drafts', 'receipts', 'devices'][i // 6]) + '\nend')],
  lang=None)

# --- 34 --------------------------------------------------------------------
# why: a gate over three reports plus a config; judging the ignores is checklist work against given criteria, not a security review of the code: medium
t('medium', 'quality-gate',
  "security-ish gate for the push app before it goes to the pci-scoped cluster. sobelow + deps.audit + coverage. criteria in reqs, verdict per criterion",
  files=[('ci/push_sobelow.txt', r'''
##############################################
sobelow 0.13.0
##############################################
Config.HTTPS: HTTPS Not Enabled - High Confidence
File: config/prod.exs
-----------------------------------------------
Misc.BinToTerm: Unsafe `binary_to_term` - Medium Confidence
File: lib/push/token_cache.ex
Line: 44
Function: load/1:42
Variable: blob
-----------------------------------------------
Traversal.FileModule: Directory Traversal in `File.read!` - Low Confidence
File: lib/push/apns/key.ex
Line: 12
Function: load_p8/1:10
Variable: path
-----------------------------------------------
Config.Secrets: Hardcoded Secret - High Confidence
File: config/dev.exs
Line: 31
-----------------------------------------------
... SCAN COMPLETE ...
'''), ('ci/push_audit.txt', r'''
$ mix deps.audit
No vulnerabilities found.
$ mix hex.audit
No retired packages found
'''), ('ci/push_cover.txt', r'''
COV    FILE                                   LINES RELEVANT   MISSED
 93.1% lib/push/apns/client.ex                 211       72        5
 88.0% lib/push/apns/key.ex                     48       25        3
 61.9% lib/push/token_cache.ex                  97       42       16
 90.4% lib/push/fcm/client.ex                  184       63        6
 97.0% lib/push/router.ex                      156       67        2
[TOTAL]  84.2%
'''), ('apps/push/.sobelow-conf', r'''
[
  verbose: false,
  private: false,
  skip: true,
  router: "",
  exit: "medium",
  format: "txt",
  ignore: ["Config.CSP", "Config.HTTPS"],
  ignore_files: ["config/dev.exs"]
]
''')],
  reqs=['no unresolved sobelow finding of medium or higher in prod code paths',
        'zero known-vulnerable or retired deps', 'total coverage >= 85% and every file >= 75%',
        'ignores in .sobelow-conf must each be justified; flag any that hide a real prod issue'],
  lang=None)

# --- 35 --------------------------------------------------------------------
t('complex', 'test-generation',
  "after the duplicate incident we rewrote delivery. i want integration tests that actually prove the claim: at-least-once from the outbox + device dedupe = each device shows each message once. kill things in the middle",
  files=[('lib/chat/delivery/outbox.ex', r'''
defmodule Chat.Delivery.Outbox do
  import Ecto.Query
  alias Chat.Repo
  alias Chat.Delivery.OutboxRow

  @lease_s 30

  def claim_batch(owner, limit \\ 200) do
    now = DateTime.utc_now()

    Repo.transaction(fn ->
      ids =
        from(r in OutboxRow,
          where: is_nil(r.acked_at) and (is_nil(r.lease_until) or r.lease_until < ^now),
          order_by: [asc: r.id],
          limit: ^limit,
          lock: "FOR UPDATE SKIP LOCKED",
          select: r.id
        )
        |> Repo.all()

      {_, rows} =
        from(r in OutboxRow, where: r.id in ^ids, select: r)
        |> Repo.update_all(set: [lease_owner: owner, lease_until: DateTime.add(now, @lease_s)],
                           inc: [attempt: 1])

      rows
    end)
  end

  def ack(owner, ids) do
    from(r in OutboxRow, where: r.id in ^ids and r.lease_owner == ^owner)
    |> Repo.update_all(set: [acked_at: DateTime.utc_now()])
  end
end
'''), ('lib/chat/delivery/dispatcher.ex', r'''
defmodule Chat.Delivery.Dispatcher do
  use GenServer
  require Logger
  alias Chat.Delivery.{Outbox, Fanout, Retry}

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: opts[:name] || __MODULE__)

  @impl true
  def init(opts) do
    Process.flag(:trap_exit, true)
    owner = "#{node()}/#{System.unique_integer([:positive])}"
    send(self(), :poll)
    {:ok, %{owner: owner, poll_ms: opts[:poll_ms] || 250, draining: false}}
  end

  @impl true
  def handle_info(:poll, %{draining: true} = state), do: {:noreply, state}

  def handle_info(:poll, state) do
    {:ok, rows} = Outbox.claim_batch(state.owner)

    acked =
      for row <- rows, reduce: [] do
        acc ->
          case Fanout.deliver(row) do
            :ok -> [row.id | acc]
            err -> Retry.schedule(row, Retry.decide(row, err)) && acc
          end
      end

    Outbox.ack(state.owner, acked)
    Process.send_after(self(), :poll, state.poll_ms)
    {:noreply, state}
  end

  @impl true
  def terminate(_reason, state), do: Logger.info("dispatcher #{state.owner} stopping")
end
'''), ('lib/chat/delivery/fanout.ex', r'''
defmodule Chat.Delivery.Fanout do
  alias Chat.Presence.Locator

  def deliver(row) do
    row.recipient_ids
    |> Enum.group_by(&Locator.node_for/1)
    |> Enum.reduce_while(:ok, fn
      {nil, offline}, :ok -> {:cont, Chat.Push.Router.enqueue_offline_users(offline, row.payload)}
      {node, online}, :ok ->
        case :erpc.call(node, ChatWeb.UserFanout, :deliver, [online, row.id, row.payload], 2_000) do
          :ok -> {:cont, :ok}
          other -> {:halt, {:error, other}}
        end
    end)
  catch
    :error, {:erpc, reason} -> {:error, {:erpc, reason}}
  end
end
'''), ('lib/chat_web/user_fanout.ex', r'''
defmodule ChatWeb.UserFanout do
  def deliver(user_ids, msg_id, payload) do
    for uid <- user_ids do
      ChatWeb.Endpoint.local_broadcast("user:" <> uid, "new_msg", Map.put(payload, "id", msg_id))
    end

    :ok
  end
end
'''), ('lib/chat_web/channels/user_channel.ex', r'''
defmodule ChatWeb.UserChannel do
  use ChatWeb, :channel
  alias Chat.Delivery.{Ack, DeviceSeen}

  @impl true
  def join("user:" <> uid, _params, %{assigns: %{user_id: uid}} = socket), do: {:ok, socket}
  def join(_, _, _), do: {:error, %{reason: "unauthorized"}}

  @impl true
  def handle_out("new_msg", %{"id" => id} = msg, socket) do
    if DeviceSeen.seen?(socket.assigns.device_id, id) do
      {:noreply, socket}
    else
      DeviceSeen.mark(socket.assigns.device_id, id)
      push(socket, "new_msg", msg)
      {:noreply, socket}
    end
  end

  @impl true
  def handle_in("ack", %{"up_to" => up_to}, socket) do
    {:ok, _} = Ack.ack(socket.assigns.device_id, up_to)
    {:reply, :ok, socket}
  end
end
'''), ('lib/chat/delivery/device_seen.ex', r'''
defmodule Chat.Delivery.DeviceSeen do
  @moduledoc "per-node ets of recently pushed {device_id, msg_id}; 10 min window"
  @table :device_seen

  def init_table, do: :ets.new(@table, [:named_table, :public, :set, write_concurrency: true])

  def seen?(device_id, msg_id), do: :ets.member(@table, {device_id, msg_id})

  def mark(device_id, msg_id) do
    :ets.insert(@table, {{device_id, msg_id}, System.monotonic_time(:second)})
  end

  def sweep(max_age_s \\ 600) do
    cutoff = System.monotonic_time(:second) - max_age_s
    :ets.select_delete(@table, [{{:_, :"$1"}, [{:<, :"$1", cutoff}], [true]}])
  end
end
'''), ('test/support/cluster_case.ex', r'''
defmodule Chat.ClusterCase do
  use ExUnit.CaseTemplate

  using do
    quote do
      @moduletag :cluster
      import Chat.ClusterCase
    end
  end

  def start_cluster(prefix, n) do
    nodes = LocalCluster.start_nodes(prefix, n, files: ["test/support/cluster_case.ex"])
    for node <- nodes, do: :ok = :rpc.call(node, Application, :put_env, [:chat, :dispatcher_poll_ms, 50])
    nodes
  end

  def connect_device(node, user_id, device_id) do
    :rpc.call(node, Chat.TestSocketClient, :connect, [self(), user_id, device_id])
  end
end
''')],
  reqs=['scenarios at least: dispatcher killed after fanout before ack; node killed mid-batch; ack lost; device reconnects to a different node before the lease expires',
        'assert per device: every message exactly once, in id order per room',
        'say where the design cannot give exactly-once and write the test that shows it'],
  fw='exunit', lang=None)

# --- 36 --------------------------------------------------------------------
_APP_FILES = ['client', 'server', 'router', 'store', 'codec', 'config', 'telemetry']


def _app_cov_row(app, k, i):
    pct = 60 + ((i * 11 + k * 7) % 40) + 0.1 * ((i + k) % 10)
    relevant = 15 + i * 9 + k
    path = 'lib/%s/%s.ex' % (app, _APP_FILES[i])
    return '%5.1f%% %-42s%5d%9d%9d' % (pct, path, 40 + i * 23 + k * 5, relevant, round(relevant * (100 - pct) / 100))


# why: six small coverage summaries, the ask is a per-file threshold filter: many files but mechanical
t('simple', 'coverage-analysis',
  "coverage per umbrella app. list every file under 80% per app, nothing else",
  files=[('apps/%s/cover/summary.txt' % app,
          'COV    FILE                                        LINES RELEVANT   MISSED\n' +
          lines(7, lambda i, app=app, k=k: _app_cov_row(app, k, i)) +
          '\n[TOTAL] %4.1f%%' % (76 + k * 2.3))
         for k, app in enumerate(['chat', 'chat_web', 'push', 'search', 'media', 'admin'])],
  fw='exunit', lang=None)

# --- 37 --------------------------------------------------------------------
# why: global app env mutated from async tests is a known shared-state pattern in two small files; one flaky cause, not a product race: medium
t('medium', 'flaky-test-analysis',
  "feature flag tests randomly fail depending on seed. both files async: true. why and fix without making the whole suite sync",
  files=[('lib/chat/feature.ex', r'''
defmodule Chat.Feature do
  @moduledoc "flags from app env, overridable per room in the db"
  alias Chat.Repo
  alias Chat.Feature.RoomOverride

  def enabled?(flag, room_id \\ nil) do
    case room_id && Repo.get_by(RoomOverride, flag: Atom.to_string(flag), room_id: room_id) do
      %RoomOverride{enabled: v} -> v
      _ -> Application.get_env(:chat, :features, []) |> Keyword.get(flag, false)
    end
  end
end
'''), ('test/chat/feature_test.exs', r'''
defmodule Chat.FeatureTest do
  use Chat.DataCase, async: true
  alias Chat.Feature

  setup do
    prev = Application.get_env(:chat, :features, [])
    on_exit(fn -> Application.put_env(:chat, :features, prev) end)
    :ok
  end

  test "global flag on" do
    Application.put_env(:chat, :features, threads: true)
    assert Feature.enabled?(:threads)
  end

  test "global flag off by default" do
    Application.put_env(:chat, :features, [])
    refute Feature.enabled?(:threads)
  end

  test "room override wins" do
    Application.put_env(:chat, :features, threads: false)
    room = insert(:room)
    insert(:room_override, room_id: room.id, flag: "threads", enabled: true)
    assert Feature.enabled?(:threads, room.id)
  end
end
'''), ('test/chat/threads_test.exs', r'''
defmodule Chat.ThreadsTest do
  use Chat.DataCase, async: true
  alias Chat.Threads

  setup do
    Application.put_env(:chat, :features, threads: true, reactions: true)
    :ok
  end

  test "reply creates a thread when threads are enabled" do
    room = insert(:room)
    parent = insert(:message, room_id: room.id)
    assert {:ok, %{thread_id: tid}} = Threads.reply(parent.id, "u1", "hi")
    assert tid == parent.id
  end

  test "reply is rejected when disabled" do
    Application.put_env(:chat, :features, threads: false)
    room = insert(:room)
    parent = insert(:message, room_id: room.id)
    assert {:error, :threads_disabled} = Threads.reply(parent.id, "u1", "hi")
  end
end
'''), ('ci/seed_failures.txt', r'''
seed 118204: FeatureTest "global flag off by default"  -> Expected false or nil, got: true
seed 559013: ThreadsTest "reply creates a thread..."   -> match (=) failed, right: {:error, :threads_disabled}
seed 7771:   all green
seed 30045:  FeatureTest "room override wins" green, FeatureTest "global flag on" -> Expected truthy, got false
''')],
  fw='exunit', lang=None)

# --- 38 --------------------------------------------------------------------
t('complex', 'test-execution',
  "run the room-sequencer jepsen-ish suite on a 5 node local cluster with the partition nemesis, 20 runs, and tell me if the histories are actually linearizable or if the checker is just being lenient",
  files=[('test/jepsen/sequencer_test.exs', r'''
defmodule Chat.Jepsen.SequencerTest do
  use ExUnit.Case, async: false
  @moduletag :jepsen
  @moduletag timeout: :infinity

  alias Chat.Jepsen.{Nemesis, History, Checker}

  @runs String.to_integer(System.get_env("JEPSEN_RUNS", "5"))

  for run <- 1..@runs do
    test "sequencer under partitions, run #{run}" do
      nodes = LocalCluster.start_nodes("jep#{unquote(run)}", 5, files: [__ENV__.file])
      {:ok, hist} = History.start_link()

      clients =
        for i <- 1..10 do
          node = Enum.at(nodes, rem(i, 5))
          Task.async(fn -> Chat.Jepsen.Client.run(node, hist, ops: 200, room: "jroom") end)
        end

      nemesis = Task.async(fn -> Nemesis.run(nodes, schedule: [{:partition_halves, 3_000}, :heal, {:kill_random, 1}, :heal]) end)

      Task.await_many(clients, 120_000)
      Task.await(nemesis, 60_000)

      ops = History.ops(hist)
      assert {:ok, _} = Checker.check(ops, model: :append_only_log, timeout_ops: :indeterminate)
      LocalCluster.stop_nodes(nodes)
    end
  end
end
'''), ('test/jepsen/support/checker.ex', r'''
defmodule Chat.Jepsen.Checker do
  @moduledoc "poor man's knossos: checks that every read returns a prefix-consistent log"

  def check(ops, opts) do
    completed = Enum.filter(ops, &(&1.type in [:ok, :fail]))
    reads = for %{f: :read, type: :ok, value: v} <- completed, do: v
    appends = for %{f: :append, type: :ok, value: v} <- completed, do: v

    cond do
      not prefixes?(reads) -> {:error, :non_prefix_reads}
      Enum.any?(appends, fn a -> not Enum.any?(reads, &(a in &1)) end) and opts[:strict] -> {:error, :lost_append}
      true -> {:ok, %{reads: length(reads), appends: length(appends)}}
    end
  end

  defp prefixes?(reads) do
    reads
    |> Enum.sort_by(&length/1)
    |> Enum.chunk_every(2, 1, :discard)
    |> Enum.all?(fn [a, b] -> List.starts_with?(b, a) end)
  end
end
'''), ('test/jepsen/support/history.ex', r'''
defmodule Chat.Jepsen.History do
  use Agent
  def start_link, do: Agent.start_link(fn -> [] end)
  def record(h, op), do: Agent.update(h, &[Map.put(op, :at, System.monotonic_time()) | &1])
  def ops(h), do: h |> Agent.get(& &1) |> Enum.reverse()
end
''')],
  reqs=['JEPSEN_RUNS=20 mix test --only jepsen', 'report per run: ops, info/indeterminate count, checker verdict',
        'review whether Checker would catch stale reads, lost acked appends and reordering; if not, say what it misses'],
  fw='exunit', lang=None)

# --- 39 --------------------------------------------------------------------
t('simple', 'test-generation',
  "port these eunit tests to exunit, same cases, call the erlang module from elixir. keep it boring",
  files=[('src/chat_id.erl', r'''
-module(chat_id).
-export([encode/1, decode/1]).

-define(ALPHABET, <<"0123456789abcdefghjkmnpqrstvwxyz">>).

encode(N) when is_integer(N), N >= 0 -> encode(N, <<>>).

encode(N, Acc) when N < 32 -> <<(binary:at(?ALPHABET, N)), Acc/binary>>;
encode(N, Acc) -> encode(N div 32, <<(binary:at(?ALPHABET, N rem 32)), Acc/binary>>).

decode(Bin) when is_binary(Bin), byte_size(Bin) > 0 -> decode(Bin, 0);
decode(_) -> {error, empty}.

decode(<<>>, Acc) -> {ok, Acc};
decode(<<C, Rest/binary>>, Acc) ->
    case binary:match(?ALPHABET, <<C>>) of
        {Pos, 1} -> decode(Rest, Acc * 32 + Pos);
        nomatch -> {error, {bad_char, C}}
    end.
'''), ('test/chat_id_tests.erl', r'''
-module(chat_id_tests).
-include_lib("eunit/include/eunit.hrl").

encode_zero_test() -> ?assertEqual(<<"0">>, chat_id:encode(0)).
encode_31_test() -> ?assertEqual(<<"z">>, chat_id:encode(31)).
encode_32_test() -> ?assertEqual(<<"10">>, chat_id:encode(32)).
roundtrip_test_() ->
    [?_assertEqual({ok, N}, chat_id:decode(chat_id:encode(N))) || N <- [1, 99, 1024, 123456789, 1 bsl 62]].
decode_empty_test() -> ?assertEqual({error, empty}, chat_id:decode(<<>>)).
decode_bad_char_test() -> ?assertEqual({error, {bad_char, $u}}, chat_id:decode(<<"1u">>)).
encode_negative_test() -> ?assertError(function_clause, chat_id:encode(-1)).
''')],
  fw='exunit', lang=None)

# --- 40 --------------------------------------------------------------------
# eprof rows (function, calls, time_us), printed sorted by time like eprof does
_EPROF = sorted([
    ('Enum.sort_by/2', 1, 40), ('Chat.Search.Index.candidates/2', 1, 2610), ('Enum.take/2', 1, 3),
    ('Enum.map/2', 2, 61), ('List.keysort/2', 1, 870), ('Chat.Search.Query.run/3', 1, 2), ('Keyword.get/3', 2, 1),
    ('Enum.reject/2', 601, 1160), ('Enum.reduce/3', 602, 870), (':lists.reverse/1', 1204, 1740),
    ('Enum.count/2', 1800, 580), ('erlang:length/1', 600, 290), ('Chat.Search.Query.score/2', 600, 290),
    ('String.split/3', 601, 2320), (':re.split/3', 601, 8410), ('Enum."-count/2-fun-0-"/3', 3214888, 51620),
    ('Enum.member?/2', 2410320, 17690), (':lists.member/2', 2410320, 27260), ('String.downcase/1', 601, 290),
    (':string.lowercase/1', 601, 3480), (':unicode_util.cp/1', 4288110, 57130),
    (':unicode_util.lowercase/1', 4287509, 41470), ('Chat.Search.Query.tokenize/1', 601, 290),
    ('Regex.escape/1', 1800, 870), ('Regex.compile!/2', 1800, 1450), ('Regex.compile/2', 1800, 3190),
    (':re.compile/2', 1800, 36540), (':unicode.characters_to_binary/1', 3600, 2610), ('Regex.replace/4', 1800, 1740),
    (':re.replace/4', 1800, 9860), ('Chat.Search.Query.highlight/2', 50, 290), ('String.slice/3', 50, 580),
    (':unicode_util.gc/1', 61220, 4060), (':re.run/3', 1800, 5510), ('Regex.safe_run/3', 1800, 870),
    ('Chat.Search.Query."-highlight/2-fun-0-"/3', 1800, 2320)], key=lambda r: r[2])

t('medium', 'performance-testing',
  "search query endpoint p99 went from 40ms to 300ms after the highlight feature. eprof of one slow request below, plus the module. where's the time going and what would you change",
  files=[('lib/chat/search/query.ex', r'''
defmodule Chat.Search.Query do
  alias Chat.Search.Index

  @stopwords ~w(a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with)

  def run(room_id, q, opts \\ []) do
    terms = tokenize(q)
    limit = Keyword.get(opts, :limit, 50)

    room_id
    |> Index.candidates(terms)
    |> Enum.map(fn doc -> {doc, score(doc, terms)} end)
    |> Enum.sort_by(fn {_doc, s} -> -s end)
    |> Enum.take(limit)
    |> Enum.map(fn {doc, s} -> %{id: doc.id, score: s, snippet: highlight(doc.body, terms)} end)
  end

  def tokenize(q) do
    q
    |> String.downcase()
    |> String.split(~r/[^\p{L}\p{N}]+/u, trim: true)
    |> Enum.reject(&(&1 in @stopwords))
  end

  defp score(doc, terms) do
    words = tokenize(doc.body)
    Enum.reduce(terms, 0, fn t, acc -> acc + Enum.count(words, &(&1 == t)) end) / max(length(words), 1)
  end

  defp highlight(body, terms) do
    Enum.reduce(terms, body, fn t, acc ->
      re = Regex.compile!("(?i)\\b(" <> Regex.escape(t) <> ")\\b", "u")
      Regex.replace(re, acc, "<mark>\\1</mark>")
    end)
    |> String.slice(0, 240)
  end
end
'''), ('prof/eprof_search_slow.txt',
       '****** Process <0.8812.0>    -- 100.00 % of profiled time *** \n'
       'FUNCTION                                                    CALLS        %      TIME  [uS / CALLS]\n'
       '--------                                                    -----  -------      ----  [----------]\n' +
       lines(len(_EPROF), lambda i: '%-58s%7d  %6.2f  %8d  [%10.2f]' % (
           _EPROF[i][0], _EPROF[i][1], _EPROF[i][2] * 100.0 / 288367, _EPROF[i][2], _EPROF[i][2] / _EPROF[i][1])) +
       '\n------------------------------------------------------------------------------------------  -------\n'
       'Total:                                                    %d  100.00%%   288367' % sum(c for _, c, _ in _EPROF))],
  reqs=['rank by share of time and explain each hot spot in terms of the code', 'changes must keep result order identical'],
  lang=None)

# --- 41 --------------------------------------------------------------------
t('complex', 'security-scan',
  "how exposed is our beam cluster. release + k8s bits below. assume someone gets a shell in any pod in the namespace, and separately someone on the internet",
  files=[('rel/vm.args.eex', r'''
-name <%= @release.name %>@${POD_IP}
-setcookie ${RELEASE_COOKIE}
-kernel inet_dist_listen_min 9100
-kernel inet_dist_listen_max 9155
+K true
+A 64
+sbwt none
'''), ('rel/env.sh.eex', r'''
#!/bin/sh
export RELEASE_DISTRIBUTION=name
export RELEASE_NODE="<%= @release.name %>@${POD_IP}"
export RELEASE_COOKIE="${RELEASE_COOKIE:-chat-cookie-2019}"
'''), ('Dockerfile', r'''
FROM hexpm/elixir:1.16.2-erlang-26.2.4-debian-bookworm-20240513-slim AS build
ENV MIX_ENV=prod
WORKDIR /app
COPY . .
RUN mix deps.get --only prod && mix release
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y libstdc++6 openssl libncurses6 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/_build/prod/rel/chat /app
ENV RELEASE_COOKIE=chat-cookie-2019
EXPOSE 4000 4369 9100-9155
CMD ["/app/bin/chat", "start"]
'''), ('k8s/deployment.yaml', r'''
apiVersion: apps/v1
kind: Deployment
metadata: { name: chat, namespace: messaging }
spec:
  replicas: 6
  selector: { matchLabels: { app: chat } }
  template:
    metadata: { labels: { app: chat } }
    spec:
      serviceAccountName: chat
      containers:
        - name: chat
          image: registry.internal/chat:4.18.0
          env:
            - { name: POD_IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }
            - { name: SECRET_KEY_BASE, valueFrom: { secretKeyRef: { name: chat, key: secret_key_base } } }
          ports:
            - { containerPort: 4000, name: http }
            - { containerPort: 4369, name: epmd }
'''), ('k8s/services.yaml', r'''
apiVersion: v1
kind: Service
metadata: { name: chat-headless, namespace: messaging }
spec:
  clusterIP: None
  selector: { app: chat }
  ports: [{ port: 4369, name: epmd }]
---
apiVersion: v1
kind: Service
metadata:
  name: chat-public
  namespace: messaging
  annotations: { service.beta.kubernetes.io/aws-load-balancer-type: nlb }
spec:
  type: LoadBalancer
  selector: { app: chat }
  ports:
    - { port: 443, targetPort: 4000, name: https }
    - { port: 4369, targetPort: 4369, name: epmd }
'''), ('k8s/rbac.yaml', r'''
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: chat-libcluster }
rules:
  - apiGroups: [""]
    resources: ["pods", "endpoints", "secrets"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: chat-libcluster }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: chat-libcluster }
subjects: [{ kind: ServiceAccount, name: chat, namespace: messaging }]
'''), ('config/runtime.exs', r'''
import Config

if config_env() == :prod do
  config :libcluster,
    topologies: [
      k8s: [
        strategy: Cluster.Strategy.Kubernetes.DNS,
        config: [service: "chat-headless", application_name: "chat", polling_interval: 5_000]
      ]
    ]

  config :chat, ChatWeb.Endpoint,
    url: [host: "chat.example.invalid", port: 443, scheme: "https"],
    http: [ip: {0, 0, 0, 0}, port: 4000],
    secret_key_base: System.fetch_env!("SECRET_KEY_BASE")
end
''')],
  reqs=['attack paths end to end, not a list of config nits', 'fix plan ordered by what to do this week vs this quarter (dist tls, cookie rotation without a full-cluster restart)'],
  lang=None)

# --- 42 --------------------------------------------------------------------
t('medium', 'defect-analysis',
  "edits crash the room channel for some users, not all. channel + log. what's different about them",
  files=[('lib/chat_web/channels/room_channel.ex', r'''
defmodule ChatWeb.RoomChannel do
  use ChatWeb, :channel
  alias Chat.{Rooms, Messages}

  @impl true
  def join("room:lobby", _params, socket) do
    {:ok, socket}
  end

  def join("room:" <> room_id, params, socket) do
    with {:ok, room} <- Rooms.fetch(room_id),
         :ok <- Rooms.authorize_join(room, socket.assigns.user_id) do
      send(self(), {:after_join, params["last_seen_id"]})
      {:ok, assign(socket, room_id: room.id, role: Rooms.role(room, socket.assigns.user_id))}
    else
      {:error, :not_found} -> {:error, %{reason: "not_found"}}
      {:error, :forbidden} -> {:error, %{reason: "forbidden"}}
    end
  end

  @impl true
  def handle_info({:after_join, last_seen_id}, socket) do
    missed = Messages.since(socket.assigns.room_id, last_seen_id, limit: 200)
    push(socket, "backfill", %{messages: missed})
    {:noreply, socket}
  end

  @impl true
  def handle_in("new_msg", %{"body" => body}, socket) do
    room_id = Map.get(socket.assigns, :room_id, "lobby")
    {:ok, msg} = Rooms.post(room_id, socket.assigns.user_id, body)
    {:reply, {:ok, %{id: msg.id}}, socket}
  end

  def handle_in("edit", %{"id" => id, "body" => body}, socket) do
    msg = Messages.get!(socket.assigns.room_id, id)

    if msg.sender_id == socket.assigns.user_id or socket.assigns.role == :admin do
      {:ok, msg} = Messages.edit(msg, body)
      broadcast!(socket, "edited", %{id: msg.id, body: msg.body, edited_at: msg.updated_at})
      {:reply, :ok, socket}
    else
      {:reply, {:error, %{reason: "forbidden"}}, socket}
    end
  end
end
'''), ('log/room_channel_crash.log', r'''
2024-06-13 16:40:11.902 [error] GenServer #PID<0.98112.0> terminating
** (KeyError) key :room_id not found in: %{user_id: "01HYZ8Q2", device_id: "ios-77A1"}
    (chat_web 4.18.0) lib/chat_web/channels/room_channel.ex:37: ChatWeb.RoomChannel.handle_in/3
    (phoenix 1.7.12) lib/phoenix/channels/server.ex:322: Phoenix.Channel.Server.handle_info/2
Last message: %Phoenix.Socket.Message{topic: "room:lobby", event: "edit", payload: %{"body" => "fixed typo", "id" => "01HZ0B4T"}, ref: "41", join_ref: "3"}
2024-06-13 16:40:12.377 [error] GenServer #PID<0.98140.0> terminating
** (KeyError) key :room_id not found in: %{user_id: "01HYZ9AA", device_id: "web-1f0e"}
Last message: %Phoenix.Socket.Message{topic: "room:lobby", event: "edit", ...}
''')],
  reqs=['fix should not change behaviour for real rooms', 'mention any other handler with the same problem'],
  fw='phoenix', lang=None)

# --- 43 --------------------------------------------------------------------
# why: 90 credo lines of one regular shape; the gate is a count per category against fixed limits: long but mechanical
t('simple', 'quality-gate',
  "credo --strict on the release branch. gate is 0 [W], 0 [C], max 25 [R], anything in [D]/[F] is fine. pass or fail + counts per category",
  files=[('ci/credo_release.txt', lines(90, lambda i: '┃ [%s] %s %s  lib/%s.ex:%d:%d' % (
      'RRFDRFRDRCRFRFRDRWRF'[i % 20] if i != 57 else 'W',
      '↗' if i % 3 else '→',
      {'R': 'Pipe chain should start with a raw value.', 'F': 'Function is too complex (cyclomatic complexity is 11, max is 9).',
       'D': 'Nested modules could be aliased at the top of the invoking module.', 'C': 'File is using unix line endings while most of the files use windows line endings.',
       'W': 'There should be no calls to IO.inspect/1.'}['RRFDRFRDRCRFRFRDRWRF'[i % 20] if i != 57 else 'W'],
      _MODS[i % 60].lower().replace('chatweb.', 'chat_web/').replace('.', '/'), 10 + (i * 13) % 200, 3 + i % 9)) +
      '\n\nAnalysis took 7.9 seconds (0.5s to load, 7.4s running 63 checks on 431 files)')],
  lang=None)

# --- 44 --------------------------------------------------------------------
t('complex', 'flaky-test-analysis',
  "upload session test: owner dies right after two chunks, abort message should say 2 chunks. passes almost always, fails once in a while under --repeat-until-failure. also worried the prod path leans on the same assumption",
  files=[('lib/chat/media/upload_session.ex', r'''
defmodule Chat.Media.UploadSession do
  use GenServer

  def start(owner, upload_id, notify) do
    GenServer.start(__MODULE__, {owner, upload_id, notify})
  end

  @impl true
  def init({owner, upload_id, notify}) do
    ref = Process.monitor(owner)
    {:ok, %{owner: owner, owner_ref: ref, upload_id: upload_id, notify: notify, chunks: 0}}
  end

  @impl true
  def handle_cast({:chunk, _data}, state), do: {:noreply, %{state | chunks: state.chunks + 1}}

  def handle_cast(:finish, state) do
    :ok = Chat.Media.Store.commit(state.upload_id, state.chunks)
    {:stop, :normal, state}
  end

  @impl true
  def handle_info({:DOWN, ref, :process, _pid, reason}, %{owner_ref: ref} = state) do
    Chat.Media.Store.abort(state.upload_id)
    send(state.notify, {:upload_aborted, state.upload_id, reason, state.chunks})
    {:stop, :normal, state}
  end
end
'''), ('test/chat/media/upload_session_test.exs', r'''
defmodule Chat.Media.UploadSessionTest do
  use ExUnit.Case, async: true
  alias Chat.Media.UploadSession

  test "owner crash aborts the upload before the session exits" do
    test_pid = self()
    owner = spawn(fn -> receive do: (:die -> exit(:boom)) end)
    {:ok, session} = UploadSession.start(owner, "up-1", test_pid)
    session_ref = Process.monitor(session)

    GenServer.cast(session, {:chunk, "aaa"})
    GenServer.cast(session, {:chunk, "bbb"})
    send(owner, :die)

    assert_receive msg1
    assert_receive msg2
    assert {:upload_aborted, "up-1", :boom, 2} = msg1
    assert {:DOWN, ^session_ref, :process, ^session, :normal} = msg2
  end
end
'''), ('lib/chat/media/upload_controller_helpers.ex', r'''
defmodule ChatWeb.UploadHelpers do
  # called from the upload liveview; the lv process is the "owner"
  def finish_or_abort(session, upload_id) do
    ref = Process.monitor(session)
    GenServer.cast(session, :finish)

    receive do
      {:upload_aborted, ^upload_id, _reason, _n} -> :aborted
      {:DOWN, ^ref, :process, _, :normal} -> :finished
    after
      5_000 -> :timeout
    end
  end
end
'''), ('ci/repeat.log', r'''
$ mix test test/chat/media/upload_session_test.exs --repeat-until-failure 5000
...
Running ExUnit with seed: 640112, max_cases: 16
  1) test owner crash aborts the upload before the session exits (Chat.Media.UploadSessionTest)
     match (=) failed
     code:  assert {:upload_aborted, "up-1", :boom, 2} = msg1
     left:  {:upload_aborted, "up-1", :boom, 2}
     right: {:upload_aborted, "up-1", :boom, 1}
Finished after 3187 repetitions
''')],
  fw='exunit', lang=None)

# --- 45 --------------------------------------------------------------------
t('complex', 'coverage-analysis',
  "failover code coverage is 'fine' at 81% but every incident we've had was in this code. go through what's not covered and tell me which gaps are in the netsplit / handoff / lease paths and how we'd reach them in a test. single-node tests can't, i know",
  files=[('lib/chat/cluster/monitor.ex', r'''
defmodule Chat.Cluster.Monitor do
  use GenServer
  require Logger

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  @impl true
  def init(_) do
    :ok = :net_kernel.monitor_nodes(true, node_type: :visible, nodedown_reason: true)
    {:ok, %{down_since: %{}}}
  end

  @impl true
  def handle_info({:nodedown, n, %{nodedown_reason: :connection_closed}}, state) do
    Logger.warning("lost #{n} (connection closed), waiting for lease expiry")
    {:noreply, put_in(state.down_since[n], System.monotonic_time(:millisecond))}
  end

  def handle_info({:nodedown, n, info}, state) do
    Logger.error("nodedown #{n} #{inspect(info)}, immediate handoff")
    Chat.Cluster.Handoff.take_over_from(n)
    {:noreply, state}
  end

  def handle_info({:nodeup, n, _}, state) do
    case Map.pop(state.down_since, n) do
      {nil, _} -> :ok
      {since, _} -> Chat.Cluster.Rejoin.reconcile(n, System.monotonic_time(:millisecond) - since)
    end

    {:noreply, %{state | down_since: Map.delete(state.down_since, n)}}
  end
end
'''), ('lib/chat/cluster/lease.ex', r'''
defmodule Chat.Cluster.Lease do
  @moduledoc "room ownership lease in postgres; the owner renews every 5s, ttl 15s"
  import Ecto.Query
  alias Chat.Repo

  @ttl_s 15

  def acquire(room_id) do
    now = DateTime.utc_now()

    Repo.query(
      """
      INSERT INTO room_leases (room_id, owner, expires_at) VALUES ($1, $2, $3)
      ON CONFLICT (room_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
      WHERE room_leases.expires_at < $4 OR room_leases.owner = EXCLUDED.owner
      RETURNING owner
      """,
      [room_id, Atom.to_string(node()), DateTime.add(now, @ttl_s), now]
    )
    |> case do
      {:ok, %{num_rows: 1}} -> :ok
      {:ok, %{num_rows: 0}} -> {:error, :held}
      {:error, e} -> {:error, e}
    end
  end

  def renew(room_id), do: acquire(room_id)

  def release(room_id) do
    from(l in "room_leases", where: l.room_id == ^room_id and l.owner == ^Atom.to_string(node()))
    |> Repo.delete_all()
  end
end
'''), ('lib/chat/cluster/handoff.ex', r'''
defmodule Chat.Cluster.Handoff do
  require Logger
  alias Chat.Cluster.{Lease, Ring, Snapshot}
  alias Chat.Rooms.RoomSupervisor

  def take_over_from(dead_node) do
    for room_id <- Chat.Rooms.rooms_owned_by(dead_node), Ring.owner(room_id) == node() do
      case Lease.acquire(room_id) do
        :ok ->
          snap = Snapshot.latest(room_id)
          RoomSupervisor.start_room(room_id, snap)

        {:error, :held} ->
          Logger.info("lease for #{room_id} still held, retry in 5s")
          Process.send_after(Chat.Cluster.Monitor, {:retry_takeover, room_id}, 5_000)

        {:error, e} ->
          Logger.error("lease error #{inspect(e)} for #{room_id}")
      end
    end
  end
end
'''), ('lib/chat/cluster/rejoin.ex', r'''
defmodule Chat.Cluster.Rejoin do
  require Logger
  alias Chat.Rooms.RoomSupervisor

  def reconcile(peer, down_ms) do
    Logger.info("reconciling with #{peer} after #{down_ms}ms")

    for {room_id, pid} <- RoomSupervisor.local_rooms() do
      case :erpc.call(peer, RoomSupervisor, :local_pid, [room_id], 2_000) do
        nil -> :ok
        remote when down_ms > 15_000 -> resolve_split_brain(room_id, pid, remote)
        _remote -> :ok
      end
    end
  end

  defp resolve_split_brain(room_id, local, remote) do
    {lh, rh} = {GenServer.call(local, :hlc), :erpc.call(node(remote), GenServer, :call, [remote, :hlc])}
    loser = if lh >= rh, do: remote, else: local
    Logger.warning("split brain on #{room_id}, stopping #{inspect(loser)}")
    GenServer.stop(loser, {:shutdown, :split_brain})
  end
end
'''), ('lib/chat/cluster/snapshot.ex', r'''
defmodule Chat.Cluster.Snapshot do
  alias Chat.Repo
  import Ecto.Query

  def latest(room_id) do
    from(s in "room_snapshots", where: s.room_id == ^room_id, order_by: [desc: s.hlc], limit: 1,
      select: %{hlc: s.hlc, state: s.state})
    |> Repo.one()
    |> case do
      nil -> nil
      %{state: bin} = s -> %{s | state: :erlang.binary_to_term(bin, [:safe])}
    end
  end

  def save(room_id, hlc, state) do
    Repo.insert_all("room_snapshots", [%{room_id: room_id, hlc: hlc, state: :erlang.term_to_binary(state)}],
      on_conflict: :nothing)
  end
end
'''), ('lib/chat/cluster/ring.ex', r'''
defmodule Chat.Cluster.Ring do
  def owner(room_id, nodes \\ [node() | Node.list()]) do
    nodes |> Enum.sort() |> Enum.max_by(&:erlang.phash2({&1, room_id}))
  end
end
'''), ('lib/chat/rooms/room_supervisor.ex', r'''
defmodule Chat.Rooms.RoomSupervisor do
  use DynamicSupervisor

  def start_link(_), do: DynamicSupervisor.start_link(__MODULE__, [], name: __MODULE__)
  def init(_), do: DynamicSupervisor.init(strategy: :one_for_one)

  def start_room(room_id, snapshot \\ nil),
    do: DynamicSupervisor.start_child(__MODULE__, {Chat.Rooms.RoomServer, {room_id, snapshot}})

  def local_rooms, do: Registry.select(Chat.RoomRegistry, [{{:"$1", :"$2", :_}, [], [{{:"$1", :"$2"}}]}])

  def local_pid(room_id) do
    case Registry.lookup(Chat.RoomRegistry, room_id) do
      [{pid, _}] -> pid
      [] -> nil
    end
  end
end
'''), ('lib/chat/rooms/lease_keeper.ex', r'''
defmodule Chat.Rooms.LeaseKeeper do
  use GenServer
  require Logger
  alias Chat.Cluster.Lease

  def start_link(room_id), do: GenServer.start_link(__MODULE__, room_id)

  @impl true
  def init(room_id) do
    send(self(), :renew)
    {:ok, %{room_id: room_id, failures: 0}}
  end

  @impl true
  def handle_info(:renew, %{failures: f} = state) when f >= 2 do
    Logger.error("lost lease for #{state.room_id}, stopping room")
    {:stop, {:shutdown, :lease_lost}, state}
  end

  def handle_info(:renew, state) do
    Process.send_after(self(), :renew, 5_000)

    case Lease.renew(state.room_id) do
      :ok -> {:noreply, %{state | failures: 0}}
      _ -> {:noreply, %{state | failures: state.failures + 1}}
    end
  end
end
'''), ('cover/cluster.txt', r'''
COV    FILE                                        LINES RELEVANT   MISSED
 62.5% lib/chat/cluster/monitor.ex                    36       16        6   missed: 16-17, 25-26, 29, 31
 73.3% lib/chat/cluster/lease.ex                      35       15        4   missed: 23, 24, 30, 32
 54.5% lib/chat/cluster/handoff.ex                    22       11        5   missed: 7, 9-10, 16-17, 19
 40.0% lib/chat/cluster/rejoin.ex                     25       10        6   missed: 10, 12-13, 18-21
100.0% lib/chat/cluster/snapshot.ex                   21        8        0
100.0% lib/chat/cluster/ring.ex                        5        2        0
 88.9% lib/chat/rooms/room_supervisor.ex              20        9        1   missed: 13
 70.0% lib/chat/rooms/lease_keeper.ex                 29       10        3   missed: 16-17, 24
[TOTAL for these] 68.0%   (repo total 81.2%)
notes: all tests for lib/chat/cluster run single-node; :cluster-tagged tests are excluded in ci
''')],
  reqs=['group gaps by failure scenario (clean nodedown, netsplit + heal, lease expiry during gc pause, db down during takeover)',
        'for each: the multi-node test setup, the fault to inject, what to assert',
        'call out bugs you spot while reading, separately'],
  fw='exunit', lang=None)

# --- 46 --------------------------------------------------------------------
t('simple', 'performance-testing',
  "k6 summary from the ws soak. did we pass the thresholds, and which ones were close",
  files=[('loadtest/out/ws_soak_summary.txt', r'''
     ✓ ws connected
     ✓ joined room
     ✗ got backfill within 2s
      ↳  99% — ✓ 118812 / ✗ 1190

     checks.........................: 99.66%  ✓ 356436    ✗ 1190
     data_received..................: 9.1 GB  2.5 MB/s
     data_sent......................: 611 MB  170 kB/s
   ✓ ws_connecting..................: avg=181.2ms min=41ms   med=122ms  max=9.8s   p(90)=301ms  p(95)=489ms
   ✓ ws_msgs_received...............: 41876220 11632.28/s
     ws_msgs_sent...................: 2880120  800.03/s
   ✓ ws_session_duration............: avg=59m58s min=12m3s med=60m0s max=60m1s p(90)=60m0s p(95)=60m0s
     ws_sessions....................: 120002  33.33/s
   ✗ backfill_latency...............: avg=412ms   min=18ms   med=201ms  max=14.2s  p(90)=880ms  p(95)=2.21s
   ✓ msg_e2e_latency................: avg=61ms    min=9ms    med=44ms   max=6.1s   p(90)=121ms  p(95)=188ms
     vus............................: 120000  min=0       max=120000
     vus_max........................: 120000  min=120000  max=120000

thresholds:
  ws_connecting: p(95)<500
  backfill_latency: p(95)<2000
  msg_e2e_latency: p(95)<250
  checks: rate>0.995
  ws_msgs_received: count>40000000
  ws_session_duration: p(95)>3590000
''')], fw='k6', lang='javascript')

# --- 47 --------------------------------------------------------------------
t('medium', 'defect-analysis',
  "reacting to a message kills the channel since the reactions pr. everything else on the message works. log + files",
  files=[('lib/chat/messages/message.ex', r'''
defmodule Chat.Messages.Message do
  use Ecto.Schema

  @derive {Jason.Encoder, only: [:id, :room_id, :sender_id, :body, :thread_id, :inserted_at, :reactions]}
  @primary_key {:id, Ecto.ULID, autogenerate: true}
  schema "messages" do
    field :room_id, :string
    field :sender_id, :string
    field :body, :string
    field :thread_id, :string
    has_many :reactions, Chat.Messages.Reaction
    timestamps(type: :utc_datetime_usec)
  end
end
'''), ('lib/chat/messages/reaction.ex', r'''
defmodule Chat.Messages.Reaction do
  use Ecto.Schema
  import Ecto.Changeset

  @primary_key {:id, Ecto.ULID, autogenerate: true}
  schema "reactions" do
    field :user_id, :string
    field :emoji, :string
    belongs_to :message, Chat.Messages.Message, type: Ecto.ULID
    timestamps(type: :utc_datetime_usec, updated_at: false)
  end

  def changeset(r, attrs) do
    r
    |> cast(attrs, [:user_id, :emoji, :message_id])
    |> validate_required([:user_id, :emoji, :message_id])
    |> validate_length(:emoji, max: 16)
    |> unique_constraint([:message_id, :user_id, :emoji])
  end
end
'''), ('lib/chat_web/channels/room_channel_reactions.ex', r'''
defmodule ChatWeb.RoomChannel.Reactions do
  import Phoenix.Channel
  alias Chat.{Messages, Repo}

  def handle_in("react", %{"id" => id, "emoji" => emoji}, socket) do
    {:ok, _} = Messages.react(id, socket.assigns.user_id, emoji)
    msg = id |> Messages.get!() |> Repo.preload(:reactions)
    broadcast!(socket, "message_updated", msg)
    {:reply, :ok, socket}
  end
end
'''), ('log/react_crash.log', r'''
2024-06-14 11:02:51.118 [error] GenServer #PID<0.120441.0> terminating
** (Protocol.UndefinedError) protocol Jason.Encoder not implemented for %Chat.Messages.Reaction{__meta__: #Ecto.Schema.Metadata<:loaded, "reactions">, id: "01HZ3W0M", user_id: "01HYZ8Q2", emoji: "👍", message_id: "01HZ3VZK", message: #Ecto.Association.NotLoaded<association :message is not loaded>, inserted_at: ~U[2024-06-14 11:02:51.104311Z]} of type Chat.Messages.Reaction (a struct), Jason.Encoder protocol must always be explicitly implemented.

If you own the struct, you can derive the implementation specifying which fields should be encoded to JSON:

    @derive {Jason.Encoder, only: [....]}
    defstruct ...

    (jason 1.4.1) lib/jason.ex:213: Jason.Encoder.Any.encode/2
    (jason 1.4.1) lib/encode.ex:247: Jason.Encode.list/3
    (phoenix 1.7.12) lib/phoenix/socket/serializers/v2_json_serializer.ex:38: Phoenix.Socket.V2.JSONSerializer.fastlane!/1
    (phoenix 1.7.12) lib/phoenix/channel/server.ex:133: Phoenix.Channel.Server.fastlane/3
''')],
  reqs=['fix should not leak reaction internals (ids, message_id) to clients', 'say what else would break the same way later'],
  fw='phoenix', lang=None)

# --- 48 --------------------------------------------------------------------
t('complex', 'quality-gate',
  "4.18.1 has to go out as a hot upgrade, no restarts allowed this week (tournament traffic, 2M sockets). relup test passed on staging. is it actually safe to apply? yes/no per change",
  files=[('rel/appups/chat/4.18.1.appup', r'''
{"4.18.1",
 [{"4.18.0", [
    {update, 'Elixir.Chat.RateLimiter', {advanced, []}},
    {update, 'Elixir.Chat.TypingIndicator', {advanced, []}},
    {load_module, 'Elixir.Chat.Calls.CallFSM'},
    {load_module, 'Elixir.Chat.Messages.Wire'},
    {load_module, 'Elixir.ChatWeb.RoomChannel'}
 ]}],
 [{"4.18.0", [
    {update, 'Elixir.Chat.RateLimiter', {advanced, []}},
    {update, 'Elixir.Chat.TypingIndicator', {advanced, []}},
    {load_module, 'Elixir.Chat.Calls.CallFSM'},
    {load_module, 'Elixir.Chat.Messages.Wire'},
    {load_module, 'Elixir.ChatWeb.RoomChannel'}
 ]}]}.
'''), ('ci/diff_4.18.0_4.18.1.patch', r'''
--- a/lib/chat/rate_limiter.ex
+++ b/lib/chat/rate_limiter.ex
-  defstruct buckets: %{}, capacity: @default_capacity, refill: @default_refill_per_sec, clock: nil
+  defstruct buckets: %{}, capacity: @default_capacity, refill: @default_refill_per_sec, clock: nil, burst_users: MapSet.new()
+
+  @impl true
+  def code_change(_old_vsn, state, _extra) do
+    {:ok, Map.put(state, :burst_users, MapSet.new())}
+  end

--- a/lib/chat/typing_indicator.ex
+++ b/lib/chat/typing_indicator.ex
-    ref = Process.send_after(self(), {:expire, key}, state.ttl)
+    ref = make_ref()
+    Process.send_after(self(), {:expire, key, ref}, state.ttl)
-  def handle_info({:expire, {room_id, user_id} = key}, state) do
+  def handle_info({:expire, {room_id, user_id} = key, ref}, %{timers: timers} = state)
+      when :erlang.map_get(key, timers) == ref do
+  ...
+  def handle_info({:expire, _key, _stale_ref}, state), do: {:noreply, state}
+  @impl true
+  def code_change(_old, state, _extra), do: {:ok, state}

--- a/lib/chat/calls/call_fsm.ex
+++ b/lib/chat/calls/call_fsm.ex
-  defstruct [:call_id, :caller, :callee, :callee_pid, :started_at, :ended_reason,
-             media: %{}, reconnects: 0]
+  defstruct [:call_id, :caller, :callee, :callee_pid, :started_at, :ended_reason,
+             media: %{}, reconnects: 0, quality: :unknown]
+  def handle_event(:cast, {:quality, q}, state, data) when state in [:active, :on_hold],
+    do: {:keep_state, %{data | quality: q}}

--- a/lib/chat/messages/wire.ex
+++ b/lib/chat/messages/wire.ex
-  def decode({:chat_msg, 2, id, room, sender, body, thread, hlc, edits}) do
+  def decode({:chat_msg, 2, id, room, sender, body, thread, hlc, edits}) when is_list(edits) do

--- a/lib/chat_web/channels/room_channel.ex
+++ b/lib/chat_web/channels/room_channel.ex
-  def handle_in("edit", %{"id" => id, "body" => body}, socket) do
-    msg = Messages.get!(socket.assigns.room_id, id)
+  def handle_in("edit", %{"id" => id, "body" => body}, %{assigns: %{room_id: room_id}} = socket) do
+    msg = Messages.get!(room_id, id)
+  def handle_in("edit", _payload, socket), do: {:reply, {:error, %{reason: "not_in_room"}}, socket}
'''), ('ci/relup_staging.txt', r'''
staging: 2 nodes, 4.18.0 -> 4.18.1 via :release_handler.install_release/1
  unpack_release ok, check_install_release ok, install_release ok, make_permanent ok
  post-upgrade smoke: 40 tests ok (fresh sockets, fresh calls, fresh rate limiter users)
  processes at upgrade time: ~300 sockets, 0 active calls, typing indicators idle
  downgrade: not tested
'''), ('docs/hot_upgrade_policy.md', r'''
gate for hot upgrades:
1. every changed module with long-lived processes is {update, M, {advanced, _}} and has code_change for both directions
2. no change to the shape of messages that may be in flight (timers, casts between nodes) unless both shapes are handled
3. gen_statem data changes must be migrated in code_change/4
4. the upgrade was exercised with the real process mix (active calls, in-flight timers), not just fresh processes
5. downgrade path tested
''')],
  reqs=['per module: safe / unsafe / unknown with the reason tied to the policy', 'what staging would have to look like to make this a real test'],
  lang=None)

# --- 49 --------------------------------------------------------------------
# why: one flaky test, known sandbox-ownership pattern across a genserver and a task; diagnosis from the log, not a real race in product code
t('medium', 'flaky-test-analysis',
  "digest worker test sometimes dies with the ownership error, sometimes passes. async: true, sandbox. what's going on",
  files=[('lib/chat/workers/digest.ex', r'''
defmodule Chat.Workers.Digest do
  use GenServer
  alias Chat.{Repo, Rooms, Mailer}

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: opts[:name])

  def run_now(server, user_id), do: GenServer.cast(server, {:run, user_id})

  @impl true
  def init(opts), do: {:ok, %{notify: opts[:notify]}}

  @impl true
  def handle_cast({:run, user_id}, state) do
    Task.start(fn ->
      rooms = Rooms.unread_summary(user_id)
      if rooms != [], do: Mailer.deliver_digest(user_id, rooms)
      if state.notify, do: send(state.notify, {:digest_done, user_id, length(rooms)})
    end)

    {:noreply, state}
  end
end
'''), ('test/chat/workers/digest_test.exs', r'''
defmodule Chat.Workers.DigestTest do
  use Chat.DataCase, async: true
  alias Chat.Workers.Digest

  test "sends digest with unread rooms" do
    user = insert(:user)
    room = insert(:room)
    insert(:membership, user_id: user.id, room_id: room.id, unread: 3)

    pid = start_supervised!({Digest, notify: self()})
    Ecto.Adapters.SQL.Sandbox.allow(Chat.Repo, self(), pid)

    Digest.run_now(pid, user.id)
    assert_receive {:digest_done, _, 1}, 1_000
  end
end
'''), ('ci/digest_fail.log', r'''
  1) test sends digest with unread rooms (Chat.Workers.DigestTest)
     Assertion failed, no matching message after 1000ms
     The process mailbox is empty.

10:41:07.221 [error] Task #PID<0.7714.0> started from #PID<0.7712.0> terminating
** (DBConnection.OwnershipError) cannot find ownership process for #PID<0.7714.0>.

When using ownership, you must manage connections in one
of the four ways:

* By explicitly checking out a connection
* By explicitly allowing a spawned process
* By running the pool in shared mode
* By using :caller option with allowed process

The first two options require every new process to explicitly
check a connection out or be allowed by calling checkout or
allow respectively.
    (chat 4.18.0) lib/chat/rooms.ex:212: Chat.Rooms.unread_summary/1
Function: #Function<0.10341/0 in Chat.Workers.Digest.handle_cast/2>
    Args: []
''')],
  fw='exunit', lang=None)

# --- 50 --------------------------------------------------------------------
t('simple', 'test-generation',
  "this test file only checks that preview/2 doesn't crash lol. add the obvious assertions",
  files=[('lib/chat/messages/truncate.ex', r'''
defmodule Chat.Messages.Truncate do
  @ellipsis "…"

  @spec preview(String.t(), pos_integer()) :: String.t()
  def preview(body, max) when is_binary(body) and max > 1 do
    body = body |> String.replace(~r/\s+/u, " ") |> String.trim()

    if String.length(body) <= max do
      body
    else
      String.slice(body, 0, max - 1) <> @ellipsis
    end
  end
end
'''), ('test/chat/messages/truncate_test.exs', r'''
defmodule Chat.Messages.TruncateTest do
  use ExUnit.Case, async: true
  alias Chat.Messages.Truncate

  test "short body" do
    Truncate.preview("hi there", 20)
  end

  test "long body" do
    Truncate.preview(String.duplicate("a", 50), 10)
  end

  test "collapses whitespace" do
    Truncate.preview("hi\n\n  there\t you", 50)
  end

  test "unicode" do
    Truncate.preview("zoë 👋🏽 was here", 6)
  end
end
''')], fw='exunit', lang=None)

# --- 51 --------------------------------------------------------------------
t('complex', 'security-scan',
  "at-rest encryption for message bodies + per-room key rotation. compliance review is next month, i'd rather hear it from you first",
  files=[('lib/chat/crypto/envelope.ex', r'''
defmodule Chat.Crypto.Envelope do
  @moduledoc "message bodies at rest: aes-256-gcm with a per-room data key (dek) from KeyStore"
  alias Chat.Crypto.KeyStore

  @version 1
  @tag_len 8

  def seal(plaintext, room_id) when is_binary(plaintext) do
    {key_id, dek} = KeyStore.current(room_id)
    iv = <<System.unique_integer([:positive, :monotonic])::unsigned-96>>
    {ct, tag} = :crypto.crypto_one_time_aead(:aes_256_gcm, dek, iv, plaintext, "chat", @tag_len, true)
    <<@version, key_id::32, iv::binary-12, tag::binary-size(@tag_len), ct::binary>>
  end

  def open(<<@version, key_id::32, iv::binary-12, tag::binary-size(@tag_len), ct::binary>>, room_id) do
    case KeyStore.fetch(room_id, key_id) do
      {:ok, dek} ->
        decrypt(dek, iv, ct, tag)

      :error ->
        # key id can be wrong for rows written during the 4.12 migration, try the others
        Enum.find_value(KeyStore.all(room_id), {:error, :no_key}, fn {_id, dek} ->
          case decrypt(dek, iv, ct, tag) do
            {:ok, _} = ok -> ok
            _ -> nil
          end
        end)
    end
  end

  def open(_, _), do: {:error, :bad_envelope}

  defp decrypt(dek, iv, ct, tag) do
    case :crypto.crypto_one_time_aead(:aes_256_gcm, dek, iv, ct, "chat", tag, false) do
      :error -> {:error, :auth}
      pt -> {:ok, pt}
    end
  end
end
'''), ('lib/chat/crypto/key_store.ex', r'''
defmodule Chat.Crypto.KeyStore do
  use GenServer
  require Logger
  import Ecto.Query
  alias Chat.Repo

  @keep_generations 2

  def start_link(_), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  def current(room_id), do: GenServer.call(__MODULE__, {:current, room_id})
  def fetch(room_id, key_id), do: GenServer.call(__MODULE__, {:fetch, room_id, key_id})
  def all(room_id), do: GenServer.call(__MODULE__, {:all, room_id})
  def rotate(room_id), do: GenServer.call(__MODULE__, {:rotate, room_id})

  @impl true
  def init(_) do
    master = System.fetch_env!("CHAT_MASTER_KEY") |> Base.decode64!()
    {:ok, %{master: master, cache: %{}}}
  end

  @impl true
  def handle_call({:current, room_id}, _from, state) do
    {id, wrapped} =
      from(k in "room_keys", where: k.room_id == ^room_id and k.active, select: {k.key_id, k.wrapped})
      |> Repo.one!()

    {:reply, {id, unwrap(wrapped, state.master)}, state}
  end

  def handle_call({:fetch, room_id, key_id}, _from, state) do
    case Map.fetch(state.cache, {room_id, key_id}) do
      {:ok, dek} -> {:reply, {:ok, dek}, state}
      :error ->
        case Repo.one(from k in "room_keys", where: k.room_id == ^room_id and k.key_id == ^key_id, select: k.wrapped) do
          nil -> {:reply, :error, state}
          w -> dek = unwrap(w, state.master); {:reply, {:ok, dek}, put_in(state.cache[{room_id, key_id}], dek)}
        end
    end
  end

  def handle_call({:all, room_id}, _from, state) do
    keys = Repo.all(from k in "room_keys", where: k.room_id == ^room_id, select: {k.key_id, k.wrapped})
    {:reply, Enum.map(keys, fn {id, w} -> {id, unwrap(w, state.master)} end), state}
  end

  def handle_call({:rotate, room_id}, _from, state) do
    dek = :crypto.strong_rand_bytes(32)
    wrapped = :crypto.crypto_one_time(:aes_256_ecb, state.master, dek, true)

    {:ok, new_id} =
      Repo.transaction(fn ->
        next = (Repo.one(from k in "room_keys", where: k.room_id == ^room_id, select: max(k.key_id)) || 0) + 1
        Repo.update_all(from(k in "room_keys", where: k.room_id == ^room_id), set: [active: false])
        Repo.insert_all("room_keys", [%{room_id: room_id, key_id: next, wrapped: wrapped, active: true}])
        Repo.delete_all(from k in "room_keys", where: k.room_id == ^room_id and k.key_id <= ^(next - @keep_generations))
        next
      end)

    Logger.debug("rotated room=#{room_id} key_id=#{new_id} state=#{inspect(state)}")
    {:reply, {:ok, new_id}, state}
  end

  defp unwrap(wrapped, master), do: :crypto.crypto_one_time(:aes_256_ecb, master, wrapped, false)
end
''')],
  reqs=['findings by severity with a concrete exploit or failure scenario each', 'a migration plan for data already written with the current format'],
  lang=None)

# --- 52 --------------------------------------------------------------------
t('complex', 'performance-testing',
  "locator mailbox sits at 300-400k on chat-3 and nowhere else since we went 6 -> 8 nodes. want a load test that reproduces it before anyone touches the code",
  files=[('lib/chat/presence/locator.ex', r'''
defmodule Chat.Presence.Locator do
  use GenServer

  def start_link(_) do
    case GenServer.start_link(__MODULE__, [], name: {:global, __MODULE__}) do
      {:error, {:already_started, _}} -> :ignore
      other -> other
    end
  end

  def node_for(user_id), do: GenServer.call({:global, __MODULE__}, {:where, user_id})
  def register(user_id, node), do: GenServer.cast({:global, __MODULE__}, {:register, user_id, node, self()})

  @impl true
  def init(_), do: {:ok, %{users: %{}}}

  @impl true
  def handle_call({:where, user_id}, _from, state), do: {:reply, Map.get(state.users, user_id), state}

  @impl true
  def handle_cast({:register, user_id, node, pid}, state) do
    ref = make_ref()
    send(pid, {:confirm, self(), ref})

    receive do
      {:confirmed, ^ref} -> {:noreply, put_in(state.users[user_id], node)}
    after
      50 -> {:noreply, state}
    end
  end
end
'''), ('ops/chat-3_observer.txt', r'''
:recon.proc_count(:message_queue_len, 3)
[{#PID<0.2114.0>, 387112, [Chat.Presence.Locator, {:current_function, {Chat.Presence.Locator, :handle_cast, 2}}]},
 {#PID<0.901.0>, 12, [:logger_std_h_default]},
 {#PID<0.455.0>, 3, [Phoenix.PubSub.PG2]}]
reductions/s Locator: 41M   scheduler 3 utilisation: 100%   others: 35-50%
sockets per node: 51k-54k (balanced)   node_for calls/s cluster-wide: ~190k
''')],
  reqs=['reproduce on a local multi-node setup first, then at prod-like scale', 'what to measure to prove the mechanism, not just the symptom'],
  lang=None)

# --- 53 --------------------------------------------------------------------
_TRACE_TESTS = ['handles empty input', 'rejects bad token', 'paginates', 'retries on timeout', 'broadcasts to room',
                'returns 404 for unknown id', 'encodes to json', 'respects limit']
_TRACE_FAILS = {23: 1, 61: 2, 98: 3, 131: 4}


def _trace_line(i):
    mod = _MODS[(i // 3) % 60]
    path = 'test/%s_test.exs' % mod.lower().replace('chatweb.', 'chat_web/').replace('.', '/')
    line_no = 4 + (i % 3) * 19 + (i // 3) % 7
    name = _TRACE_TESTS[(i * 5) % 8]
    out = ('\n%sTest [%s]\n' % (mod, path)) if i % 3 == 0 else ''
    out += '  * test %s (%.1fms) [L#%d]' % (name, 0.2 + (i % 17) * 0.9, line_no)
    if i in _TRACE_FAILS:
        out += ('\n\n  %d) test %s (%sTest)\n     %s:%d\n     Assertion with == failed\n'
                '     code:  assert result == expected\n     left:  {:error, :timeout}\n     right: :ok\n'
                % (_TRACE_FAILS[i], name, mod, path, line_no))
    return out


# why: 150 tests of mix test --trace output, ask is counts and the failing test names: long but mechanical
t('simple', 'test-execution',
  "full mix test --trace output from the nightly. counts + the failing ones with file:line. that's all",
  files=[('ci/nightly_trace.txt',
          'Running ExUnit with seed: 771204, max_cases: 1\nExcluding tags: [:cluster, :jepsen]\n' +
          lines(150, _trace_line) +
          '\n\nFinished in 212.4 seconds (0.00s async, 212.4s sync)\n150 tests, 4 failures, 31 excluded')],
  fw='exunit', lang=None)

# --- 54 --------------------------------------------------------------------
# why: one channel module (~70 lines) with a membership check, block list and a rate-limit error path; ChannelCase tests with a couple of mocks: medium, the auth is a lookup, not auth code under review
t('medium', 'test-generation',
  "channel tests for dms. ChannelCase exists, Mox for Chat.Blocks and Chat.RateLimiter behaviours",
  files=[('lib/chat_web/channels/dm_channel.ex', r'''
defmodule ChatWeb.DMChannel do
  use ChatWeb, :channel
  alias Chat.{DMs, Blocks}

  @rate_limiter Application.compile_env(:chat, :rate_limiter, Chat.RateLimiter)
  @blocks Application.compile_env(:chat, :blocks, Blocks)

  @impl true
  def join("dm:" <> pair, _params, socket) do
    me = socket.assigns.user_id

    with [a, b] <- String.split(pair, ":", parts: 2),
         true <- me in [a, b] and a < b,
         other = if(me == a, do: b, else: a),
         false <- @blocks.blocked?(other, me) do
      {:ok, assign(socket, other: other, dm_id: pair)}
    else
      true -> {:error, %{reason: "blocked"}}
      _ -> {:error, %{reason: "unauthorized"}}
    end
  end

  @impl true
  def handle_in("new_msg", %{"body" => body} = params, socket) when byte_size(body) in 1..4000 do
    case @rate_limiter.check(socket.assigns.user_id) do
      :ok ->
        {:ok, msg} = DMs.send(socket.assigns.dm_id, socket.assigns.user_id, body, params["client_id"])
        broadcast!(socket, "new_msg", %{id: msg.id, from: msg.sender_id, body: msg.body})
        {:reply, {:ok, %{id: msg.id}}, socket}

      {:error, :rate_limited, wait_ms} ->
        {:reply, {:error, %{reason: "rate_limited", retry_in: wait_ms}}, socket}
    end
  end

  def handle_in("new_msg", _params, socket), do: {:reply, {:error, %{reason: "invalid_body"}}, socket}

  def handle_in("typing", _params, socket) do
    broadcast_from!(socket, "typing", %{user_id: socket.assigns.user_id})
    {:noreply, socket}
  end

  def handle_in("read", %{"up_to" => id}, socket) do
    :ok = DMs.mark_read(socket.assigns.dm_id, socket.assigns.user_id, id)
    broadcast_from!(socket, "read", %{user_id: socket.assigns.user_id, up_to: id})
    {:noreply, socket}
  end

  @impl true
  def handle_out("new_msg", payload, socket) do
    if @blocks.blocked?(payload.from, socket.assigns.user_id) do
      {:noreply, socket}
    else
      push(socket, "new_msg", payload)
      {:noreply, socket}
    end
  end
end
''')],
  reqs=['join: own pair ok, wrong order rejected, stranger rejected, blocked rejected',
        'new_msg: ok path broadcasts, empty and >4000 bytes rejected, rate limited reply carries retry_in',
        'typing and read not echoed to the sender', 'handle_out drops messages from a user blocked after join'],
  fw='exunit', lang=None)
