package dev.surf.ad.decision.ranking;

/** pCTR/pCVR per candidate (same order as asked), and which path produced them. */
public record Scores(double[] pCtr, double[] pCvr, String source, String modelVersion) {
    public boolean fallback() {
        return !"model".equals(source);
    }
}
