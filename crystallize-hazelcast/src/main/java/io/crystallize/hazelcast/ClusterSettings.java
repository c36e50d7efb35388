package io.crystallize.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.crystallize.base.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every member of a Crystallize cluster shares: the cluster name, a shared secret, and the
 * addresses members find each other at (TCP/IP join; multicast and auto-detection are off).
 *
 * <p>The secret does two things. Members only form a cluster with members that hold the same
 * secret (it is folded into Hazelcast's cluster name, so a member with another secret forms a
 * cluster of its own), and every task carries an HMAC of its content under the secret, which a
 * worker checks before it runs anything. Workers execute only classes already on their class path:
 * tasks name an experiment class or factory, never carry code (Hazelcast's user code deployment
 * stays off), and Java deserialization is limited to {@code java.}, {@code com.hazelcast.} and
 * {@code io.crystallize.} classes. Hazelcast's open-source edition has no TLS: keep the cluster on a
 * private network.
 *
 * @param cluster the cluster's name
 * @param secret  the shared secret, at least 16 characters
 * @param members addresses ({@code host} or {@code host:port}) where members are found
 * @param port    the port this member listens on (the next free one above it when taken)
 */
public record ClusterSettings(String cluster, String secret, List<String> members, int port) {

    /** Hazelcast's default member port. */
    public static final int DEFAULT_PORT = 5701;

    static final String EXECUTOR = "crystallize-runs";
    static final String THREADS_ATTRIBUTE = "crystallize.threads";

    /** Keeps Hazelcast's INFO logging off standard error (a logger is only weakly held). */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    public ClusterSettings {
        if (cluster == null || cluster.isBlank()) {
            throw new ConfigurationException("a Crystallize cluster needs a name: give --cluster <name> to workers "
                    + "and the same name to ClusterExecution");
        }
        if (secret == null || secret.length() < 16) {
            throw new ConfigurationException("cluster '" + cluster + "' needs a shared secret of at least 16 "
                    + "characters (got " + (secret == null ? "none" : secret.length()) + "): give --secret <secret> "
                    + "to workers and the same secret to ClusterExecution");
        }
        members = List.copyOf(members);
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("port " + port + " is not a TCP port: give 1 to 65535, e.g. "
                    + DEFAULT_PORT);
        }
    }

    /** The Hazelcast member configuration; {@code threads > 0} makes a worker running that many runs at once. */
    Config memberConfig(int threads) {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        Config config = new Config();
        config.setClusterName(cluster + "-" + digest("cluster:" + secret).substring(0, 16));
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // Hazelcast's own failure detection, tuned to notice a dead worker in seconds, not a minute
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        config.setProperty("hazelcast.shutdownhook.policy", "TERMINATE");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(true).setPortCount(100);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        config.getSerializationConfig().addDataSerializableFactory(RunOnMember.FACTORY_ID, new RunOnMember.Factory());
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(false);
        filter.getWhitelist().addPrefixes("java.", "com.hazelcast.", "io.crystallize.", "[");
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        if (threads > 0) {
            config.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE, Integer.toString(threads));
            config.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(threads).setStatisticsEnabled(false));
        } else {
            config.setLiteMember(true); // the driver holds no data and runs no runs
        }
        return config;
    }

    /** HMAC-SHA256 of {@code content} under the secret, as hex. */
    String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
