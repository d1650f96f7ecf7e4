package dev.surf.creative.flow;

import dev.surf.creative.generation.GeneratedVariant;
import dev.surf.creative.generation.GenerationJob;
import dev.surf.creative.generation.GenerationOutcome;
import dev.surf.events.v1.CreativeRequest;
import dev.surf.events.v1.CreativeResult;
import dev.surf.events.v1.CreativeVariant;
import dev.surf.events.v1.PolicyVerdict;
import dev.surf.events.v1.SamplingSettings;

/** Between the Protobuf contracts and the generator's records. */
public final class ResultMapper {
    private ResultMapper() {
    }

    public static GenerationJob job(CreativeRequest r) {
        return new GenerationJob(r.getRequestId(), r.getAdvertiserId(), r.getCampaignId(), r.getBrief(), r.getCount(),
                r.getLandingUrl(), r.getBannedTermsList(), r.getSeed());
    }

    public static CreativeResult result(CreativeRequest request, GenerationOutcome outcome) {
        CreativeResult.Builder b = CreativeResult.newBuilder()
                .setRequestId(request.getRequestId())
                .setTimeMs(System.currentTimeMillis())
                .setAdvertiserId(request.getAdvertiserId())
                .setCampaignId(request.getCampaignId())
                .setLandingUrl(request.getLandingUrl())
                .setModel(outcome.model())
                .setTotalMs(outcome.totalMs());
        outcome.accepted().forEach(v -> b.addVariants(variant(v)));
        outcome.rejected().forEach(v -> b.addRejected(variant(v)));
        return b.build();
    }

    public static CreativeVariant variant(GeneratedVariant v) {
        CreativeVariant.Builder b = CreativeVariant.newBuilder()
                .setPolicy(PolicyVerdict.newBuilder().setPassed(v.verdict().passed()).addAllReasons(v.verdict().reasons()))
                .setSampling(SamplingSettings.newBuilder().setTemperature(v.sampling().temperature())
                        .setTopP(v.sampling().topP()).setSeed(v.sampling().seed()).setMaxTokens(v.sampling().maxTokens()))
                .setPrompt(v.prompt())
                .setGenerationMs(v.generationMs())
                .setTokens(v.tokens());
        if (v.copy() != null) {
            b.setHeadline(v.copy().headline()).setPrimaryText(v.copy().primaryText())
                    .setDescription(v.copy().description()).setCallToAction(v.copy().callToAction());
        } else {
            // unparseable output: keep a bounded piece of it for the record
            b.setPrimaryText(v.rawText().length() > 500 ? v.rawText().substring(0, 500) : v.rawText());
        }
        return b.build();
    }
}
