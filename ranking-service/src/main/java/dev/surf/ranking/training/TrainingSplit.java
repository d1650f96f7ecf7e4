package dev.surf.ranking.training;

import dev.surf.ranking.model.ModelContract;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Time-ordered examples in the contract's flat layout ({@code ids[r * 16 + s]}, {@code x[r * 5 + d]}),
 * split by time: rows before {@code trainN} train, the newest ones are the holdout.
 */
public record TrainingSplit(long[] ids, float[] x, boolean[] click, boolean[] conv, int trainN, List<Example> holdout) {

    /** {@code examples} must be in time order (as {@link ExampleBuilder} returns them). */
    public static TrainingSplit of(List<Example> examples, double holdoutFraction) {
        int n = examples.size();
        int slots = ModelContract.SPARSE_SLOTS;
        int dense = ModelContract.DENSE_FEATURES;
        long[] ids = new long[n * slots];
        float[] x = new float[n * dense];
        boolean[] click = new boolean[n];
        boolean[] conv = new boolean[n];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            System.arraycopy(e.sparse(), 0, ids, i * slots, slots);
            System.arraycopy(e.dense(), 0, x, i * dense, dense);
            click[i] = e.clicked();
            conv[i] = e.converted();
        }
        int trainN = n - (int) Math.round(n * holdoutFraction);
        return new TrainingSplit(ids, x, click, conv, trainN, examples.subList(trainN, n));
    }

    public int rows() {
        return click.length;
    }

    /** The CTR head learns from every training impression. */
    public int[] ctrRows() {
        return IntStream.range(0, trainN).toArray();
    }

    /** The CVR head predicts conversion given a click: it learns from clicked training impressions only. */
    public int[] cvrRows() {
        return IntStream.range(0, trainN).filter(i -> click[i]).toArray();
    }
}
