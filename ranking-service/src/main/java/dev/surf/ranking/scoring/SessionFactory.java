package dev.surf.ranking.scoring;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Creates ONNX Runtime sessions on the configured execution provider. With "cuda" it asks for the
 * CUDA EP (present only in the onnxruntime_gpu build, -Pgpu, and only with a GPU); when that fails it
 * logs one clear line and every session runs on the CPU instead.
 */
public final class SessionFactory {
    private static final Logger LOG = Logger.getLogger(SessionFactory.class);

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final boolean wantCuda;
    private final int cudaDevice;
    private final int intraOpThreads;
    private final AtomicBoolean fallbackLogged = new AtomicBoolean();
    private volatile String provider;
    private volatile String fallbackReason;

    public SessionFactory(String executionProvider, int cudaDevice, int intraOpThreads) {
        String ep = executionProvider == null ? "cpu" : executionProvider.trim().toLowerCase();
        if (!ep.equals("cpu") && !ep.equals("cuda")) {
            throw new IllegalArgumentException("surf.ranking.onnx.execution-provider must be cpu or cuda, got " + executionProvider);
        }
        this.wantCuda = ep.equals("cuda");
        this.cudaDevice = cudaDevice;
        this.intraOpThreads = intraOpThreads;
        this.provider = wantCuda ? "cuda" : "cpu";
    }

    public OrtEnvironment environment() {
        return env;
    }

    public OrtSession create(byte[] onnx) throws OrtException {
        if (wantCuda && fallbackReason == null) {
            OrtSession.SessionOptions cuda = baseOptions();
            try {
                cuda.addCUDA(cudaDevice);
                return env.createSession(onnx, cuda);
            } catch (OrtException | RuntimeException | LinkageError e) {
                cuda.close();
                fallbackReason = e.getMessage();
                provider = "cpu";
                if (fallbackLogged.compareAndSet(false, true)) {
                    LOG.warnf("CUDA execution provider unavailable (%s); falling back to CPU for every ranking model", e.getMessage());
                }
            }
        }
        try (OrtSession.SessionOptions cpu = baseOptions()) {
            return env.createSession(onnx, cpu);
        }
    }

    private OrtSession.SessionOptions baseOptions() throws OrtException {
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (intraOpThreads > 0) {
            o.setIntraOpNumThreads(intraOpThreads);
        }
        return o;
    }

    /** "cuda" or "cpu": where sessions actually run. */
    public String provider() {
        return provider;
    }

    /** Why the CUDA EP was not used, or null. */
    public String fallbackReason() {
        return fallbackReason;
    }
}
