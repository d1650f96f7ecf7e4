package dev.surf.ad.tracking;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link java.io.DataOutputStream} wrote into a token payload, without DataInputStream over
 * ByteArrayInputStream (whose every read takes a lock). Reading past the end is an IOException.
 */
final class PayloadReader {
    private final byte[] b;
    private int pos;

    PayloadReader(byte[] bytes) {
        this.b = bytes;
    }

    private int need(int n) throws IOException {
        if (b.length - pos < n) {
            throw new IOException("payload truncated");
        }
        int at = pos;
        pos += n;
        return at;
    }

    byte readByte() throws IOException {
        return b[need(1)];
    }

    int readUnsignedByte() throws IOException {
        return b[need(1)] & 0xff;
    }

    char readChar() throws IOException {
        int at = need(2);
        return (char) (((b[at] & 0xff) << 8) | (b[at + 1] & 0xff));
    }

    long readLong() throws IOException {
        int at = need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    /** A zig-zag varint (at most 10 bytes). */
    long readVarLong() throws IOException {
        long z = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readUnsignedByte();
            z |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new IOException("varint too long");
    }

    /** DataOutputStream.writeUTF's format: a 2-byte length, then modified UTF-8 (plain ASCII for ids). */
    String readUTF() throws IOException {
        int len = readChar();
        int at = need(len);
        for (int i = at; i < at + len; i++) {
            if (b[i] <= 0) {
                // Non-ASCII (or an encoded NUL): let the JDK decode modified UTF-8.
                byte[] framed = new byte[len + 2];
                framed[0] = (byte) (len >>> 8);
                framed[1] = (byte) len;
                System.arraycopy(b, at, framed, 2, len);
                return new DataInputStream(new ByteArrayInputStream(framed)).readUTF();
            }
        }
        return new String(b, at, len, StandardCharsets.ISO_8859_1);
    }
}
