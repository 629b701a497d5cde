package passim.opensearch;

import java.nio.file.Path;

/** The command line of the local cluster, validated: one line saying what is wrong, then usage. */
final class ClusterOptions {
    static final String USAGE = String.join("\n",
        "usage: local-opensearch [--nodes N] [--port P] [--transport-port T] [--data DIR]",
        "                        [--cluster-name NAME] [--json] [--exit-on-stdin-close]",
        "  --nodes N             nodes in one cluster, 1-9 (default 1)",
        "  --port P              HTTP port of the first node, the others take P+1, P+2...;",
        "                        0 = free ports chosen by the system (default 9200)",
        "  --transport-port T    transport port of the first node (default P+100, or free ports when P is 0)",
        "  --data DIR            keep the nodes' data in DIR/node-<i> (default: a temporary folder removed on exit)",
        "  --cluster-name NAME   cluster name (default passim-local)",
        "  --json                print the ready line as JSON (for tools)",
        "  --exit-on-stdin-close stop when standard input closes (for tests: the cluster dies with its parent)",
        "While running, standard input takes: stop-node I, start-node I, quit.");

    /** Nodes in the cluster (default 1). */
    int nodes = 1;
    /** HTTP port of node 0; 0 means ports chosen by the system (default 9200). */
    int httpPort = 9200;
    /** Transport port of node 0; -1 means httpPort + 100, or system-chosen when httpPort is 0. */
    int transportPort = -1;
    /** Data folder, or null for a temporary one removed on exit. */
    Path data;
    /** Cluster name (default passim-local). */
    String clusterName = "passim-local";
    /** Print the ready line as JSON (default false). */
    boolean json;
    /** Stop when standard input closes (default false). */
    boolean exitOnStdinClose;

    static ClusterOptions parse(String[] args) {
        ClusterOptions options = new ClusterOptions();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--json" -> options.json = true;
                case "--exit-on-stdin-close" -> options.exitOnStdinClose = true;
                case "--nodes" -> options.nodes = intValue(flag, value(args, ++i, flag), 1, 9);
                case "--port" -> options.httpPort = intValue(flag, value(args, ++i, flag), 0, 65535);
                case "--transport-port" -> options.transportPort = intValue(flag, value(args, ++i, flag), 0, 65535);
                case "--data" -> options.data = Path.of(value(args, ++i, flag)).toAbsolutePath();
                case "--cluster-name" -> {
                    options.clusterName = value(args, ++i, flag);
                    if (!options.clusterName.matches("[A-Za-z0-9._-]+")) {
                        throw new IllegalArgumentException("--cluster-name takes letters, digits, '.', '_' and '-', got '" + options.clusterName + "'");
                    }
                }
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        if (options.httpPort > 0 && options.httpPort + options.nodes - 1 > 65535) {
            throw new IllegalArgumentException("--port " + options.httpPort + " leaves no room for " + options.nodes + " nodes");
        }
        if (options.transportPort == -1) {
            options.transportPort = options.httpPort == 0 ? 0 : options.httpPort + 100;
        }
        if (options.transportPort > 0 && options.transportPort + options.nodes - 1 > 65535) {
            throw new IllegalArgumentException("--transport-port " + options.transportPort + " leaves no room for " + options.nodes + " nodes");
        }
        return options;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String flag, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " takes a whole number from " + min + " to " + max + ", got '" + text + "'");
    }
}
