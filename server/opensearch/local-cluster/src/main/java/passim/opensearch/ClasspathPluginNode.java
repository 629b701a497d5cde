package passim.opensearch;

import java.util.List;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real OpenSearch node whose modules come from the classpath instead of a distribution's
 * modules/ folder: Netty4 (HTTP and transport), analysis-common (stemmers, folding, synonyms) and
 * mapper-extras (search_as_you_type, rank features, scaled floats).
 */
final class ClasspathPluginNode extends Node {
    static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,
        CommonAnalysisPlugin.class,
        MapperExtrasPlugin.class
    );

    ClasspathPluginNode(Settings settings, String nodeName) {
        super(
            InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), null, () -> nodeName),
            PLUGINS,
            true
        );
    }

    /**
     * The node and cluster ids that log lines carry are set once per JVM; with several nodes in one
     * JVM the second would fail to set them (as OpenSearch's own MockNode, leave them unset).
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {}
}
