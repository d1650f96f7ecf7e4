package dev.surf.infra.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to a loopback server, used by one virtual user at a time. The
 * load generator shares the machine with the services it measures, so its client must cost as
 * little CPU as possible: no pools, futures or thread hops, just a socket (reconnected when the
 * server closes it). Understands Content-Length and chunked bodies; nothing else is needed here.
 */
final class LoopbackHttp implements AutoCloseable {
    /** Status and body of one response. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    LoopbackHttp(URI base) {
        LoadGenerator.requireLoopback(base);
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : 80;
    }

    Response get(String pathAndQuery, String bearer) throws IOException {
        return send("GET", pathAndQuery, bearer, null);
    }

    Response post(String path, String bearer, String json) throws IOException {
        return send("POST", path, bearer, json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one request; one retry on a fresh connection when a kept-alive one turns out closed. */
    Response send(String method, String pathAndQuery, String bearer, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, pathAndQuery, bearer, body);
        } catch (IOException e) {
            close();
            if (!reused) {
                throw e;
            }
            return exchange(method, pathAndQuery, bearer, body);
        }
    }

    private Response exchange(String method, String pathAndQuery, String bearer, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
        }
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();

        String status = line();
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String h; (h = line()) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] content;
        if (chunked) {
            content = chunkedBody();
        } else if (length >= 0) {
            content = in.readNBytes((int) length);
        } else {
            content = in.readAllBytes();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(code, content);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) {
                throw new IOException("truncated chunked body");
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = line();
                    if (trailer == null || trailer.isEmpty()) {
                        return buf.toByteArray();
                    }
                }
            }
            buf.write(in.readNBytes(n));
            line();
        }
    }

    /** One CRLF-terminated header line (ISO-8859-1), or null at end of stream. */
    private String line() throws IOException {
        StringBuilder b = new StringBuilder(64);
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') {
                int len = b.length();
                return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.isEmpty() ? null : b.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket we are done with: nothing to recover.
            }
            socket = null;
        }
    }
}
