package passim.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.Version;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.transport.TransportService;

/**
 * Starts one OpenSearch node, or an N-node cluster, in this JVM on 127.0.0.1, prints one line when
 * the cluster has all its nodes, and stops them cleanly on SIGTERM, Ctrl-C, "quit" on standard input
 * or (with --exit-on-stdin-close) when standard input closes.
 */
public final class LocalCluster {
    private static final TimeValue READY_TIMEOUT = TimeValue.timeValueMinutes(3);

    private final ClusterOptions options;
    private final Path dataRoot;
    private final boolean temporaryData;
    private final Node[] nodes;
    private final int[] httpPorts;
    private final int[] transportPorts;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean closed;

    private LocalCluster(ClusterOptions options) throws IOException {
        this.options = options;
        this.temporaryData = options.data == null;
        this.dataRoot = temporaryData ? Files.createTempDirectory("passim-opensearch-") : options.data;
        Files.createDirectories(dataRoot);
        this.nodes = new Node[options.nodes];
        this.httpPorts = new int[options.nodes];
        this.transportPorts = new int[options.nodes];
        for (int i = 0; i < options.nodes; i++) {
            httpPorts[i] = options.httpPort == 0 ? 0 : options.httpPort + i;
            transportPorts[i] = options.transportPort == 0 ? 0 : options.transportPort + i;
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j.shutdownHookEnabled", "false");
        // Several nodes share this JVM: each must not try to set Netty's processor count again.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        ClusterOptions options;
        try {
            options = ClusterOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) System.err.println("local-opensearch: " + e.getMessage());
            System.err.println(ClusterOptions.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 2);
            return;
        }
        LocalCluster cluster = new LocalCluster(options);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "passim-opensearch-shutdown"));
        try {
            cluster.start();
        } catch (Exception e) {
            System.err.println("local-opensearch: could not start: " + describe(e));
            System.exit(1);
            return;
        }
        cluster.printReady();
        cluster.readCommands();
        cluster.stopped.await();
        System.exit(0);
    }

    private void start() throws Exception {
        for (int i = 0; i < nodes.length; i++) startNode(i);
        ClusterHealthResponse health = nodes[0].client().admin().cluster().prepareHealth()
            .setWaitForNodes(Integer.toString(nodes.length))
            .setWaitForYellowStatus()
            .setTimeout(READY_TIMEOUT)
            .setClusterManagerNodeTimeout(READY_TIMEOUT)
            .get();
        if (health.isTimedOut()) {
            throw new IllegalStateException("the cluster did not reach " + nodes.length + " nodes and yellow within " + READY_TIMEOUT);
        }
    }

    private synchronized void startNode(int i) throws Exception {
        if (nodes[i] != null) return;
        String name = nodeName(i);
        Node node = new ClasspathPluginNode(nodeSettings(i), name);
        try {
            node.start();
        } catch (Exception e) {
            node.close();
            throw e;
        }
        nodes[i] = node;
        httpPorts[i] = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        transportPorts[i] = node.injector().getInstance(TransportService.class).boundAddress().publishAddress().getPort();
    }

    private synchronized void stopNode(int i) throws Exception {
        Node node = nodes[i];
        if (node == null) return;
        nodes[i] = null;
        node.close();
        node.awaitClose(30, TimeUnit.SECONDS);
    }

    private Settings nodeSettings(int i) {
        Settings.Builder settings = Settings.builder()
            .put("cluster.name", options.clusterName)
            .put("node.name", nodeName(i))
            .put("path.home", dataRoot.toString())
            .put("path.data", dataRoot.resolve(nodeName(i)).toString())
            .put("path.logs", dataRoot.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(httpPorts[i]))
            .put("transport.port", Integer.toString(transportPorts[i]))
            // A shared or nearly full disk must not stop shards from being allocated.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            // The nodes share one heap: the real-memory breaker would count the others' use.
            .put("indices.breaker.total.use_real_memory", false)
            // start() returns at once; readiness is the cluster health wait below.
            .put("discovery.initial_state_timeout", "0s");
        if (nodes.length == 1) {
            settings.put("discovery.type", "single-node");
        } else {
            List<String> seeds = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < nodes.length; j++) {
                names.add(nodeName(j));
                if (j != i && transportPorts[j] != 0) seeds.add("127.0.0.1:" + transportPorts[j]);
            }
            settings.putList("discovery.seed_hosts", seeds);
            settings.putList("cluster.initial_cluster_manager_nodes", names);
        }
        return settings.build();
    }

    private static String nodeName(int i) {
        return "node-" + i;
    }

    private void printReady() {
        StringBuilder urls = new StringBuilder();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < nodes.length; i++) {
            if (i > 0) {
                urls.append(',');
                json.append(',');
            }
            urls.append(httpUrl(i));
            json.append(nodeJson(i));
        }
        if (options.json) {
            System.out.println("{\"event\":\"ready\",\"version\":\"" + Version.CURRENT + "\",\"cluster\":\"" + options.clusterName
                + "\",\"data\":" + quote(dataRoot.toString()) + ",\"nodes\":[" + json + "]}");
        } else {
            System.out.println("OpenSearch " + Version.CURRENT + " ready: cluster " + options.clusterName + ", " + nodes.length
                + (nodes.length == 1 ? " node" : " nodes") + ", PASSIM_OPENSEARCH_URL=" + urls
                + " (data " + (temporaryData ? "in a temporary folder " : "") + dataRoot + "; Ctrl-C stops)");
        }
        System.out.flush();
    }

    private String httpUrl(int i) {
        return "http://127.0.0.1:" + httpPorts[i];
    }

    private String nodeJson(int i) {
        return "{\"name\":\"" + nodeName(i) + "\",\"http\":\"" + httpUrl(i) + "\",\"transport\":\"127.0.0.1:" + transportPorts[i] + "\"}";
    }

    /** Commands on standard input: stop-node I, start-node I, quit. Each answers one line. */
    private void readCommands() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!runCommand(line.trim())) break;
                }
                if (line != null || options.exitOnStdinClose) stopped.countDown();
            } catch (IOException e) {
                if (options.exitOnStdinClose) stopped.countDown();
            }
        }, "passim-opensearch-commands");
        reader.setDaemon(true);
        reader.start();
    }

    private boolean runCommand(String line) {
        if (line.isEmpty()) return true;
        if (line.equals("quit")) return false;
        String[] words = line.split("\\s+");
        String verb = words[0];
        int i = -1;
        if (words.length == 2 && words[1].matches("\\d")) i = Integer.parseInt(words[1]);
        if (!(verb.equals("stop-node") || verb.equals("start-node")) || i < 0 || i >= nodes.length) {
            answer("error", -1, "unknown command '" + line + "' (stop-node I, start-node I, quit; I from 0 to " + (nodes.length - 1) + ")");
            return true;
        }
        try {
            if (verb.equals("stop-node")) {
                stopNode(i);
                answer("node-stopped", i, null);
            } else {
                startNode(i);
                answer("node-started", i, null);
            }
        } catch (Exception e) {
            answer("error", i, verb + " " + i + " failed: " + describe(e));
        }
        return true;
    }

    private void answer(String event, int node, String message) {
        if (options.json) {
            System.out.println("{\"event\":\"" + event + "\"" + (node >= 0 ? ",\"node\":" + nodeJson(node) : "")
                + (message != null ? ",\"message\":" + quote(message) : "") + "}");
        } else {
            System.out.println(message != null ? message : nodeName(node) + " " + event.substring(5) + " (" + httpUrl(node) + ")");
        }
        System.out.flush();
    }

    private synchronized void close() {
        if (closed) return;
        closed = true;
        // Nodes closing one after another warn that they lost each other: expected here, so quiet.
        Configurator.setRootLevel(Level.ERROR);
        for (int i = nodes.length - 1; i >= 0; i--) {
            try {
                stopNode(i);
            } catch (Exception e) {
                System.err.println("local-opensearch: stopping " + nodeName(i) + ": " + describe(e));
            }
        }
        if (temporaryData) deleteTree(dataRoot);
        stopped.countDown();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("local-opensearch: could not remove " + root + ": " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) text.append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
