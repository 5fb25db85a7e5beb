package org.cambodiakg.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts an embedded Neo4j Community DBMS for the tests: Bolt only, on 127.0.0.1 and a free port,
 * no authentication, no HTTP. Once Bolt listens it writes {@code bolt://127.0.0.1:PORT} to the
 * given file (written aside and renamed, so a reader never sees half of it). It shuts down on
 * SIGTERM/SIGINT or when its standard input closes (the parent went away).
 *
 * <p>When the environment variable {@code NEO4J_LAUNCHER_PASSWORD} is set, authentication is on and
 * the user {@code neo4j} has that password (as a Docker server started with {@code NEO4J_AUTH}
 * would), so clients can be tested with right and wrong credentials.
 *
 * <p>Usage: {@code java -cp 'target/classes:target/lib/*' org.cambodiakg.launcher.Launcher HOME URI_FILE}
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher HOME_DIR URI_FILE");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        Path uriFile = Path.of(args[1]).toAbsolutePath().normalize();
        Files.createDirectories(home);
        String password = System.getenv("NEO4J_LAUNCHER_PASSWORD");
        boolean auth = password != null && !password.isEmpty();

        long t0 = System.nanoTime();
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();

        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stop.countDown();
        }, "neo4j-shutdown"));

        if (auth) {
            // Embedded calls bypass authentication, so the system database accepts this directly.
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        }
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bolt = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        String uri = "bolt://127.0.0.1:" + bolt.getPort();

        Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".part");
        Files.writeString(tmp, uri + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, uriFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        System.out.println("neo4j-launcher: " + uri + " ready in " + ms + " ms");
        System.out.flush();

        Thread stdinWatch = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // keep reading until the parent closes our stdin
                }
            } catch (IOException ignored) {
                // treat as closed
            }
            System.exit(0); // runs the shutdown hook
        }, "stdin-watch");
        stdinWatch.setDaemon(true);
        stdinWatch.start();
        stop.await();
    }
}
