package dev.surf.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surf.events.v1.SignalKind;
import dev.surf.events.v1.UserSignal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyTopicNameIsUniqueAndVersioned() {
        Set<String> names = new HashSet<>();
        for (Topic<?> topic : Topics.ALL) {
            assertTrue(names.add(topic.name()), "duplicate topic " + topic.name());
            assertTrue(topic.name().matches("surf\\.[a-z.-]+\\.v\\d+"), "unversioned topic name " + topic.name());
        }
        assertEquals(6, names.size());
    }

    @Test
    void signalRoundTripsThroughTheSerde() {
        UserSignal signal = UserSignal.newBuilder().setEventId(EventIds.random()).setKind(SignalKind.CLICK)
                .setUserId("u-1").setCampaignId(42).setPriceMicros(1_500_000).putExperimentVariants("reserve", "b")
                .build();
        var serde = Topics.SIGNALS.serde();
        byte[] bytes = serde.serializer().serialize(Topics.SIGNALS.name(), signal);
        assertEquals(signal, serde.deserializer().deserialize(Topics.SIGNALS.name(), bytes));
    }

    @Test
    void malformedBytesAreATypedRejection() {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> Topics.SIGNALS.parse(new byte[] {(byte) 0xff, 0x01, 0x02}));
        assertEquals("surf.signals.v1", e.topic());
        assertThrows(MalformedEventException.class, () -> Topics.SIGNALS.parse(new byte[0]));
    }

    @Test
    void derivedIdsAreStableAndDistinct() {
        assertEquals(EventIds.derived("d1", "imp"), EventIds.derived("d1", "imp"));
        assertTrue(!EventIds.derived("d1", "imp").equals(EventIds.derived("d1", "click")));
    }
}
