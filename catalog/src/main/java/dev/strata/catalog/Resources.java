package dev.strata.catalog;

/** CPU and memory, as in a container's {@code requests} or {@code limits}. */
public record Resources(Quantity cpu, Quantity memory) {

    public static final Resources NONE = new Resources(Quantity.ZERO, Quantity.ZERO);

    public Resources {
        cpu = cpu == null ? Quantity.ZERO : cpu;
        memory = memory == null ? Quantity.ZERO : memory;
    }

    public static Resources of(String cpu, String memory) {
        return new Resources(Quantity.parse(cpu), Quantity.parse(memory));
    }

    public Resources plus(Resources o) {
        return new Resources(cpu.plus(o.cpu), memory.plus(o.memory));
    }

    public Resources minus(Resources o) {
        return new Resources(cpu.minus(o.cpu), memory.minus(o.memory));
    }

    public Resources times(long n) {
        return new Resources(cpu.times(n), memory.times(n));
    }

    /** Component-wise maximum (how the scheduler combines init containers with the rest). */
    public Resources max(Resources o) {
        return new Resources(cpu.compareTo(o.cpu) >= 0 ? cpu : o.cpu, memory.compareTo(o.memory) >= 0 ? memory : o.memory);
    }

    public boolean fitsIn(Resources free) {
        return cpu.compareTo(free.cpu) <= 0 && memory.compareTo(free.memory) <= 0;
    }

    public boolean complete() {
        return !cpu.isZero() && !memory.isZero();
    }

    @Override
    public String toString() {
        return toCpuMem();
    }

    public String toCpuMem() {
        return cpu.toCpuString() + "/" + memory.toMemoryString();
    }
}
