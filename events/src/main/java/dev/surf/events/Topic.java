package dev.surf.events;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/**
 * One Kafka topic: its name, what its key means, and how to read its Protobuf payload.
 * Every topic Surf uses is declared once, in {@link Topics}.
 */
public record Topic<V extends Message>(String name, String keyMeaning, Class<V> payloadType, Parser<V> parser) {

    /** Parses a record value; a malformed value is a {@link MalformedEventException}, never a crash. */
    public V parse(byte[] value) throws MalformedEventException {
        if (value == null || value.length == 0) {
            throw new MalformedEventException(name, "empty value");
        }
        try {
            return parser.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedEventException(name, e.getMessage());
        }
    }

    public ProtobufSerde<V> serde() {
        return new ProtobufSerde<>(this);
    }
}
