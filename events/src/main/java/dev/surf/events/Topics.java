package dev.surf.events;

import dev.surf.events.v1.CampaignChanged;
import dev.surf.events.v1.CreativeDeadLetter;
import dev.surf.events.v1.CreativeRequest;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.ModelPublished;
import dev.surf.events.v1.UserSignal;
import java.util.List;

/**
 * The one place that names every Kafka topic, its key and its payload.
 *
 * <p>Schema evolution: add fields only (new field numbers, never reuse or retype one); a breaking
 * change is a new topic whose name ends in the next version (surf.signals.v2), produced alongside
 * the old one until every consumer has moved.
 */
public final class Topics {
    private Topics() {
    }

    public static final Topic<UserSignal> SIGNALS = new Topic<>(
            "surf.signals.v1", "user id", UserSignal.class, UserSignal.parser());

    public static final Topic<CampaignChanged> CAMPAIGN_CHANGES = new Topic<>(
            "surf.campaign.changes.v1", "advertiser id", CampaignChanged.class, CampaignChanged.parser());

    public static final Topic<CreativeRequest> CREATIVE_REQUESTS = new Topic<>(
            "surf.creative.requests.v1", "campaign id", CreativeRequest.class, CreativeRequest.parser());

    public static final Topic<CreativeResult> CREATIVE_RESULTS = new Topic<>(
            "surf.creative.results.v1", "campaign id", CreativeResult.class, CreativeResult.parser());

    public static final Topic<CreativeDeadLetter> CREATIVE_DEAD_LETTER = new Topic<>(
            "surf.creative.dead-letter.v1", "campaign id", CreativeDeadLetter.class, CreativeDeadLetter.parser());

    public static final Topic<ModelPublished> MODELS = new Topic<>(
            "surf.models.v1", "model name", ModelPublished.class, ModelPublished.parser());

    public static final List<Topic<?>> ALL = List.of(
            SIGNALS, CAMPAIGN_CHANGES, CREATIVE_REQUESTS, CREATIVE_RESULTS, CREATIVE_DEAD_LETTER, MODELS);

    /** Partitions each topic is created with by the dev stack and tests; keys spread over them. */
    public static final int DEFAULT_PARTITIONS = 3;
}
