package dev.surf.ad.campaign;

public enum BidStrategy { CPC, CPM, TARGET_CPA }
