package dev.surf.creative.generation;

import dev.surf.creative.CreativeConfig;
import dev.surf.creative.dedup.NearDuplicateFilter;
import dev.surf.creative.dedup.SentenceEmbedder;
import dev.surf.creative.llm.BackendProducer;
import dev.surf.creative.llm.Completion;
import dev.surf.creative.llm.LlmBackend;
import dev.surf.creative.llm.LlmException;
import dev.surf.creative.llm.LlmRequest;
import dev.surf.creative.llm.Sampling;
import dev.surf.creative.policy.PolicyChecker;
import dev.surf.creative.policy.Verdict;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Brief in, checked variants out: prompt, N grammar-constrained completions (seed, seed+1, ...),
 * parse and validate, policy, near-duplicate removal. At most {@code maxConcurrent} jobs run at once;
 * the others wait here (Kafka requests wait in Kafka: its consumer polls one at a time).
 */
@ApplicationScoped
public class CreativeGenerator {
    private final Optional<LlmBackend> backend;
    private final String unavailableReason;
    private final PolicyChecker policy;
    private final Optional<SentenceEmbedder> embedder;
    private final double dedupThreshold;
    private final CreativeConfig.SamplingDefaults sampling;
    private final int maxVariants;
    private final Semaphore slots;
    private final MeterRegistry metrics;

    public CreativeGenerator(BackendProducer.Backend backend, CreativeConfig config, EmbedderHolder embedder, MeterRegistry metrics) {
        this.backend = backend.llm();
        this.unavailableReason = backend.unavailableReason();
        this.policy = new PolicyChecker(config.policy().bannedTerms(), config.policy().maxCapitalRatio(), config.policy().maxExclamations());
        this.embedder = config.dedup().enabled() ? Optional.of(embedder.get()) : Optional.empty();
        this.dedupThreshold = config.dedup().threshold();
        this.sampling = config.sampling();
        this.maxVariants = config.generation().maxVariants();
        this.slots = new Semaphore(config.generation().maxConcurrent(), true);
        this.metrics = metrics;
    }

    public boolean available() {
        return backend.isPresent();
    }

    public String unavailableReason() {
        return unavailableReason;
    }

    public String modelName() {
        return backend.map(LlmBackend::modelName).orElse("none");
    }

    public int maxVariants() {
        return maxVariants;
    }

    public List<String> validate(GenerationJob job) {
        return JobValidator.problems(job, maxVariants);
    }

    /** Runs the job; a backend failure ends it with {@link LlmException} (variants so far are discarded). */
    public GenerationOutcome generate(GenerationJob job, GenerationListener listener) throws LlmException, InterruptedException {
        LlmBackend llm = backend.orElseThrow(() -> new LlmException("no LLM backend: " + unavailableReason, true));
        listener.progress(0, job.count(), "queued");
        slots.acquire();
        try {
            long start = System.nanoTime();
            long seed = job.seed() != 0 ? job.seed() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE / 2);
            String system = PromptBuilder.system();
            String user = PromptBuilder.user(job.brief());
            List<String> advertiserTerms = new ArrayList<>(job.bannedTerms());
            advertiserTerms.addAll(job.brief().getMustNotSayList());
            Optional<NearDuplicateFilter> dedup = embedder.map(e -> new NearDuplicateFilter(e, dedupThreshold));
            List<GeneratedVariant> variants = new ArrayList<>();
            for (int i = 0; i < job.count() && !listener.cancelled(); i++) {
                listener.progress(i, job.count(), "generating");
                Sampling s = new Sampling(sampling.temperature(), sampling.topP(), (seed + i) % Integer.MAX_VALUE, sampling.maxTokens());
                int index = i;
                Completion c = llm.complete(new LlmRequest(system, user, VariantSchema.JSON, s), t -> listener.token(index, t));
                GeneratedVariant v = check(i, c, s, system + "\n\n" + user, job, advertiserTerms, dedup);
                metrics.counter("surf_creative_variants_total", "outcome", v.accepted() ? "accepted" : "rejected").increment();
                metrics.counter("surf_creative_tokens_total").increment(c.tokens());
                variants.add(v);
                listener.variant(v);
            }
            return new GenerationOutcome(job.requestId(), llm.modelName(), List.copyOf(variants), (System.nanoTime() - start) / 1_000_000);
        } finally {
            slots.release();
        }
    }

    private GeneratedVariant check(int i, Completion c, Sampling s, String prompt, GenerationJob job,
                                   List<String> advertiserTerms, Optional<NearDuplicateFilter> dedup) {
        VariantParser.Parsed parsed = VariantParser.parse(c.text());
        if (!parsed.valid()) {
            List<String> reasons = parsed.errors().stream().map(e -> "schema: " + e).toList();
            return new GeneratedVariant(i, null, c.text(), Verdict.of(reasons), s, prompt, c.millis(), c.tokens());
        }
        Verdict verdict = policy.check(parsed.copy(), advertiserTerms, job.landingUrl());
        if (verdict.passed() && dedup.isPresent()) {
            var dup = dedup.get().offer(i, parsed.copy().embeddingText());
            if (dup.isPresent()) {
                verdict = verdict.plus(String.format(java.util.Locale.ROOT, "near-duplicate of variant %d (cosine %.3f >= %.2f)",
                        dup.get().keptIndex(), dup.get().cosine(), dedupThreshold));
            }
        }
        return new GeneratedVariant(i, parsed.copy(), c.text(), verdict, s, prompt, c.millis(), c.tokens());
    }
}
