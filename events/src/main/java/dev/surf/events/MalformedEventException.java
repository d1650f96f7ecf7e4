package dev.surf.events;

/** A record whose bytes are not a valid payload of its topic. Consumers log, count and skip it. */
public class MalformedEventException extends Exception {
    private final String topic;

    public MalformedEventException(String topic, String reason) {
        super("malformed record on " + topic + ": " + reason);
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }
}
