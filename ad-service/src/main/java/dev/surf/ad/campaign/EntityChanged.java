package dev.surf.ad.campaign;

import dev.surf.events.v1.ChangeKind;

/** Fired inside the transaction that changed a campaign, ad set or creative; published after commit. */
public record EntityChanged(long advertiserId, long campaignId, String entity, long entityId, ChangeKind kind,
        long version) {
}
