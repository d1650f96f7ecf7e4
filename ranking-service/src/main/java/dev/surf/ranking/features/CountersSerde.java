package dev.surf.ranking.features;

import dev.surf.ranking.model.Counters;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** {@link Counters} as 24 bytes (three big-endian longs) in state stores and changelogs. */
public final class CountersSerde implements Serde<Counters> {
    @Override
    public Serializer<Counters> serializer() {
        return (topic, c) -> c == null ? null
                : ByteBuffer.allocate(24).putLong(c.impressions()).putLong(c.clicks()).putLong(c.conversions()).array();
    }

    @Override
    public Deserializer<Counters> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            return new Counters(b.getLong(), b.getLong(), b.getLong());
        };
    }
}
