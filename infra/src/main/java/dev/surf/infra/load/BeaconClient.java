package dev.surf.infra.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends GET beacons over {@code connections} keep-alive HTTP/1.1 connections from one thread with one
 * selector: each connection sends its next request when the previous response is complete (no
 * pipelining, like a browser). The load generator shares the machine with the services it measures;
 * one thread waking for many ready sockets at once costs a fraction of a blocked thread per connection.
 * Understands responses with a Content-Length (what the beacon routes send); anything else is a failure.
 */
final class BeaconClient {
    /** Responses by outcome. */
    record Result(long ok, long failed) {
    }

    private BeaconClient() {
    }

    static Result send(URI base, List<String> paths, int connections) throws IOException {
        LoadGenerator.requireLoopback(base);
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort() > 0 ? base.getPort() : 80);
        String host = "Host: " + base.getHost() + ":" + address.getPort() + "\r\n\r\n";
        int[] next = {0};
        long ok = 0;
        long failed = 0;
        int open = 0;
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < Math.min(connections, paths.size()); c++) {
                SocketChannel ch = SocketChannel.open(address);
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Connection conn = new Connection(ch, host);
                ch.register(selector, SelectionKey.OP_READ, conn);
                conn.request(paths.get(next[0]++));
                open++;
            }
            while (open > 0) {
                selector.select();
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Connection conn = (Connection) key.attachment();
                    int status = conn.read();
                    if (status == 0) {
                        continue; // response not complete yet
                    }
                    if (status == 200) {
                        ok++;
                    } else {
                        failed++;
                    }
                    if (status < 0 || next[0] >= paths.size()) {
                        // Done, or broken (its beacon counted as failed; the rest go over the other connections).
                        key.cancel();
                        conn.channel.close();
                        open--;
                    } else {
                        conn.request(paths.get(next[0]++));
                    }
                }
            }
        }
        failed += paths.size() - next[0];
        return new Result(ok, failed);
    }

    /** One connection: writes a request, then collects its response. */
    private static final class Connection {
        private final SocketChannel channel;
        private final String hostAndEnd;
        private final ByteBuffer in = ByteBuffer.allocate(16 * 1024);

        Connection(SocketChannel channel, String hostAndEnd) {
            this.channel = channel;
            this.hostAndEnd = hostAndEnd;
        }

        void request(String pathAndQuery) throws IOException {
            ByteBuffer out = ByteBuffer.wrap(("GET " + pathAndQuery + " HTTP/1.1\r\n" + hostAndEnd).getBytes(StandardCharsets.ISO_8859_1));
            while (out.hasRemaining()) {
                channel.write(out); // a request of a few hundred bytes fits the empty socket buffer at once
            }
        }

        /** The status once a whole response is in, 0 while it is not, -1 when the connection broke. */
        int read() throws IOException {
            if (channel.read(in) < 0) {
                return -1;
            }
            byte[] b = in.array();
            int len = in.position();
            int headEnd = indexOf(b, len, "\r\n\r\n");
            if (headEnd < 0) {
                return len == in.capacity() ? -1 : 0;
            }
            String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
            int bodyLength = contentLength(head);
            if (bodyLength < 0) {
                return -1;
            }
            int total = headEnd + 4 + bodyLength;
            if (len < total) {
                return 0;
            }
            // Responses never overlap (one request at a time); keep nothing past this one.
            in.clear();
            return head.startsWith("HTTP/1.") && head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                    return Integer.parseInt(line.substring(colon + 1).trim());
                }
            }
            return -1;
        }

        private static int indexOf(byte[] b, int len, String s) {
            outer:
            for (int i = 0; i + s.length() <= len; i++) {
                for (int j = 0; j < s.length(); j++) {
                    if (b[i + j] != s.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
