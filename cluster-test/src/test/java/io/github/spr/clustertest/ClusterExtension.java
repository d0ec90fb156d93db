package io.github.spr.clustertest;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every scenario the one cluster of the run: started when the first scenario asks for it, kept in JUnit's root
 * store and closed when the whole run ends (pass or fail). A setup that failed is reported to every later scenario
 * at once instead of being tried again.
 */
final class ClusterExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Cluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ClusterExtension.class))
                .computeIfAbsent(Setup.class, key -> new Setup(), Setup.class)
                .cluster();
    }

    /** The cluster and how its start went; closed by JUnit at the end of the run, even a partly started one. */
    static final class Setup implements AutoCloseable {
        private Cluster cluster;
        private RuntimeException failure;

        synchronized Cluster cluster() {
            if (cluster == null) {
                cluster = new Cluster(Cluster.Settings.fromSystemProperties());
                try {
                    cluster.start();
                } catch (Exception e) {
                    failure = new IllegalStateException("The cluster could not be set up: " + e.getMessage(), e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return cluster;
        }

        @Override
        public synchronized void close() {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
