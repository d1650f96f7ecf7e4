package dev.surf.ranking.registry;

import dev.surf.ranking.model.LogisticModel;
import dev.surf.ranking.model.OnnxExporter;
import dev.surf.ranking.scoring.RankingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registers, promotes and rolls back model versions; every status change is published on surf.models.v1. */
@ApplicationScoped
public class RegistryService {
    private final ModelRepository repository;
    private final ModelValidator validator;
    private final ModelPublisher publisher;
    private final String modelName;

    public RegistryService(ModelRepository repository, ModelValidator validator, ModelPublisher publisher, RankingConfig config) {
        this.repository = repository;
        this.validator = validator;
        this.publisher = publisher;
        this.modelName = config.modelName();
    }

    public String modelName() {
        return modelName;
    }

    public List<ModelVersionInfo> list() {
        return repository.list(modelName);
    }

    public Optional<ModelVersionInfo> find(long version) {
        return repository.find(modelName, version);
    }

    public Optional<ModelVersionInfo> live() {
        return repository.live(modelName);
    }

    /** Validates and stores a candidate; an invalid file throws {@link InvalidModelException} and changes nothing. */
    public ModelVersionInfo register(byte[] onnx, Map<String, Double> metrics, String source) {
        validator.validate(onnx);
        ModelVersionInfo v = repository.insert(modelName, onnx, sha256(onnx), metrics, source, "candidate");
        publisher.publish(v);
        return v;
    }

    public Optional<ModelVersionInfo> promote(long version) {
        Optional<ModelVersionInfo> v = repository.promote(modelName, version);
        v.ifPresent(publisher::publish);
        return v;
    }

    public Optional<ModelVersionInfo> rollback() {
        Optional<ModelVersionInfo> v = repository.rollback(modelName);
        v.ifPresent(publisher::publish);
        return v;
    }

    /** On a fresh stack (no version at all) registers the prior model as live version 1. */
    public void ensurePriorModel() {
        byte[] onnx = OnnxExporter.export(LogisticModel.prior(), Map.of("surf.source", "prior"));
        repository.insertFirstLive(modelName, onnx, sha256(onnx), "prior").ifPresent(publisher::publish);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
