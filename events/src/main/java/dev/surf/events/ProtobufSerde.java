package dev.surf.events;

import com.google.protobuf.Message;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serde for one topic's Protobuf payload (for producers and Kafka Streams). */
public final class ProtobufSerde<V extends Message> implements Serde<V> {
    private final Topic<V> topic;

    public ProtobufSerde(Topic<V> topic) {
        this.topic = topic;
    }

    @Override
    public Serializer<V> serializer() {
        return (t, value) -> value == null ? null : value.toByteArray();
    }

    @Override
    public Deserializer<V> deserializer() {
        return (t, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return topic.parse(bytes);
            } catch (MalformedEventException e) {
                // Kafka Streams routes this to its deserialization exception handler (log and continue).
                throw new SerializationException(e.getMessage(), e);
            }
        };
    }
}
