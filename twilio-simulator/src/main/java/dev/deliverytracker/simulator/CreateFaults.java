package dev.deliverytracker.simulator;

import java.util.Optional;

/** The armed create faults: the next {@code remaining} creates answer with {@code fault}. */
final class CreateFaults {

    private CreateFault fault;
    private int remaining;

    synchronized void arm(CreateFault newFault, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("fault count must be >= 0, got " + count);
        }
        if (newFault == null && count > 0) {
            throw new IllegalArgumentException("fault is required when count > 0");
        }
        fault = count == 0 ? null : newFault;
        remaining = count;
    }

    /** Takes one armed fault, if any are left. */
    synchronized Optional<CreateFault> take() {
        if (remaining == 0) {
            return Optional.empty();
        }
        remaining--;
        CreateFault taken = fault;
        if (remaining == 0) {
            fault = null;
        }
        return Optional.of(taken);
    }

    synchronized Optional<CreateFault> fault() {
        return Optional.ofNullable(fault);
    }

    synchronized int remaining() {
        return remaining;
    }
}
