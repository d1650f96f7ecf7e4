package dev.surf.ad.experiment;

import dev.surf.ad.experiment.assign.Bucketing;
import dev.surf.ad.experiment.assign.ExperimentAssigner;
import dev.surf.ad.web.FieldError;
import dev.surf.ad.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;

/** Experiment lifecycle: create and edit drafts, start (allocate a layer slice), stop, record decisions. */
@ApplicationScoped
public class ExperimentService {
    private final ExperimentRepository repository;
    private final ExperimentAssigner assigner;
    private final TransactionSynchronizationRegistry transactions;

    public ExperimentService(ExperimentRepository repository, ExperimentAssigner assigner,
                             TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.assigner = assigner;
        this.transactions = transactions;
    }

    @Transactional
    public Experiment create(ExperimentDraft draft) {
        ExperimentValidator.validate(draft);
        var layer = repository.upsertLayer(draft.layer());
        long id = repository.insert(draft, layer.id(), ExperimentRepository.newSalt());
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Experiment get(long id) {
        return repository.find(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
    }

    @Transactional
    public Page<Experiment> list(ExperimentStatus status, int page, int size) {
        long total = repository.count(status);
        List<Experiment> items = repository.list(status, page * size, size);
        return new Page<>(items, page, size, total, (total + size - 1) / size);
    }

    @Transactional
    public Experiment update(long id, ExperimentDraft draft) {
        Experiment current = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
        requireStatus(current, ExperimentStatus.DRAFT, "only a draft can be edited");
        if (draft.key() != null && !draft.key().equals(current.key())) {
            throw ProblemException.invalid(List.of(new FieldError("key", "the key cannot change")));
        }
        ExperimentDraft withKey = new ExperimentDraft(current.key(), draft.name(), draft.hypothesis(), draft.targetKind(),
                draft.layer(), draft.trafficPercent(), draft.primaryMetric(), draft.guardrailMetrics(), draft.variants());
        ExperimentValidator.validate(withKey);
        var layer = repository.upsertLayer(withKey.layer());
        repository.update(id, withKey, layer.id());
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public void delete(long id) {
        Experiment current = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
        requireStatus(current, ExperimentStatus.DRAFT, "only a draft can be deleted; stop a running experiment instead");
        repository.delete(id);
    }

    /** Starts a draft: takes the lowest free slice of its layer large enough for its traffic share. */
    @Transactional
    public Experiment start(long id) {
        Experiment current = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
        requireStatus(current, ExperimentStatus.DRAFT, "only a draft can be started");
        long layerId = repository.layerIdOf(id);
        repository.lockLayer(layerId);
        int width = current.trafficPercent() * (Bucketing.BUCKETS / 100);
        int start = Bucketing.firstFreeSlice(repository.runningSlices(layerId), width);
        if (start < 0) {
            throw ProblemException.conflict("layer " + current.layer() + " has no free slice of " + current.trafficPercent()
                    + " % left: running experiments in one layer are mutually exclusive");
        }
        repository.markRunning(id, start, start + width);
        refreshAfterCommit();
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Experiment stop(long id) {
        Experiment current = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
        requireStatus(current, ExperimentStatus.RUNNING, "only a running experiment can be stopped");
        repository.markStopped(id);
        refreshAfterCommit();
        return repository.find(id).orElseThrow();
    }

    /** Records a decision. SHIP and STOP end a running experiment; EXTEND needs it running. */
    @Transactional
    public Experiment decide(long id, DecisionKind decision, String variantKey, String reason, String who) {
        Experiment current = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("experiment", id));
        if (current.status() == ExperimentStatus.DRAFT) {
            throw ProblemException.conflict("a draft has no results to decide on; start it first");
        }
        if (decision == DecisionKind.EXTEND && current.status() != ExperimentStatus.RUNNING) {
            throw ProblemException.conflict("only a running experiment can be extended");
        }
        if (decision == DecisionKind.SHIP) {
            if (variantKey == null || current.variants().stream().noneMatch(v -> v.key().equals(variantKey))) {
                throw ProblemException.invalid(List.of(new FieldError("variantKey",
                        "SHIP needs the key of one of the experiment's variants")));
            }
        } else if (variantKey != null) {
            throw ProblemException.invalid(List.of(new FieldError("variantKey", "only SHIP names a variant")));
        }
        if (reason != null && reason.length() > 2000) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "at most 2000 characters")));
        }
        repository.insertDecision(id, decision, variantKey, reason, who);
        if (decision != DecisionKind.EXTEND && current.status() == ExperimentStatus.RUNNING) {
            repository.markStopped(id);
            refreshAfterCommit();
        }
        return repository.find(id).orElseThrow();
    }

    private static void requireStatus(Experiment e, ExperimentStatus expected, String message) {
        if (e.status() != expected) {
            throw ProblemException.conflict(message + " (experiment " + e.id() + " is " + e.status() + ")");
        }
    }

    /** This replica sees the change within moments of the commit; others at their next periodic refresh. */
    private void refreshAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    assigner.refreshSoon();
                }
            }
        });
    }
}
