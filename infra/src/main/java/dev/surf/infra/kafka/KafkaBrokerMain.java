package dev.surf.infra.kafka;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The dev stack's broker process: {@code KafkaBrokerMain DATA_DIR [PORT] [CONTROLLER_PORT]}.
 * Data under DATA_DIR survives restarts. Prints "READY host:port" once topics exist.
 */
public final class KafkaBrokerMain {
    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: KafkaBrokerMain DATA_DIR [PORT=9092] [CONTROLLER_PORT=9093]");
            System.exit(64);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        for (int p : new int[] {port, controllerPort}) {
            if (!portFree(p)) {
                System.err.println("surf: port " + p + " on 127.0.0.1 is already in use; stop what holds it or choose another port");
                System.exit(3);
            }
        }
        KafkaBroker broker = new KafkaBroker(Path.of(args[0]).toAbsolutePath(), port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        broker.start();
        System.out.println("READY " + broker.bootstrapServers());
        stopped.await();
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
