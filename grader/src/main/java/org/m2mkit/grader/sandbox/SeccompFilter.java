package org.m2mkit.grader.sandbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The seccomp filter that bubblewrap installs on a sandbox JVM just before it starts it ({@code bwrap --seccomp FD}).
 * It refuses, at once and the same way every time, the system calls a submission has no business making:
 * <ul>
 *   <li>starting a process: {@code fork}, {@code vfork} and a {@code clone} that does not make a thread fail with
 *       EPERM; {@code clone3} answers ENOSYS so the C library falls back to {@code clone}, whose flags a filter can
 *       read (the JVM's own threads keep working);</li>
 *   <li>leaving or reshaping the sandbox: {@code unshare}, {@code setns}, {@code mount}, {@code ptrace};</li>
 *   <li>kernel interfaces with a history of escapes: {@code bpf}, {@code userfaultfd}, {@code perf_event_open} and
 *       the key-ring calls;</li>
 *   <li>any call of another ABI (32-bit or x32 calls on a 64-bit kernel).</li>
 * </ul>
 * Since it is installed before {@code exec}, the sandbox JVM itself starts normally; a submission that calls
 * {@code ProcessBuilder.start()} gets an {@code IOException} ("error=1, Operation not permitted") at once.
 *
 * <p>The program is classic BPF ({@code struct sock_filter}: u16 code, u8 jt, u8 jf, u32 k, in the machine's byte
 * order) over {@code struct seccomp_data} (nr at 0, arch at 4, args[0] at 16). No Java library writes these; the
 * program is small enough to read in {@link #program}.
 */
public final class SeccompFilter {
    // BPF opcodes (linux/filter.h)
    private static final int LD_W_ABS = 0x20;
    private static final int JEQ_K = 0x15;
    private static final int JGE_K = 0x35;
    private static final int JSET_K = 0x45;
    private static final int RET_K = 0x06;
    // seccomp return values and errno numbers (linux/seccomp.h, asm-generic/errno*.h)
    private static final int RET_ALLOW = 0x7fff0000;
    private static final int RET_ERRNO = 0x00050000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final int CLONE_THREAD = 0x00010000;
    private static final int X32_SYSCALL_BIT = 0x40000000;

    /** System call numbers of one architecture, and its AUDIT_ARCH value. */
    private record Arch(int auditArch, int cloneNr, int clone3Nr, List<Integer> refused, boolean hasX32) {
    }

    private static final Arch X86_64 = new Arch(0xc000003e, 56, 435,
            // fork, vfork, ptrace, mount, add_key, request_key, keyctl, unshare, perf_event_open, setns, bpf,
            // userfaultfd
            List.of(57, 58, 101, 165, 248, 249, 250, 272, 298, 308, 321, 323), true);
    private static final Arch AARCH64 = new Arch(0xc00000b7, 220, 435,
            // mount, unshare, ptrace, add_key, request_key, keyctl, perf_event_open, setns, bpf, userfaultfd
            List.of(40, 97, 117, 217, 218, 219, 241, 268, 280, 282), false);

    private SeccompFilter() {
    }

    /** The filter for this machine's architecture, or empty where the kit has none (the watchdog still looks). */
    public static Optional<byte[]> forThisMachine() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of(program(X86_64));
            case "aarch64", "arm64" -> Optional.of(program(AARCH64));
            default -> Optional.empty();
        };
    }

    static byte[] program(Arch arch) {
        Assembler a = new Assembler();
        a.load(4);                                     // arch
        a.jumpIfEqual(arch.auditArch(), null, "deny");
        a.load(0);                                     // system call number
        if (arch.hasX32()) {
            a.jumpIfAtLeast(X32_SYSCALL_BIT, "deny", null);
        }
        a.jumpIfEqual(arch.cloneNr(), "clone", null);
        a.jumpIfEqual(arch.clone3Nr(), "nosys", null);
        for (int nr : arch.refused()) {
            a.jumpIfEqual(nr, "deny", null);
        }
        a.ret(RET_ALLOW);
        a.label("clone");
        a.load(16);                                    // low 32 bits of args[0], the clone flags
        a.jumpIfAnyBit(CLONE_THREAD, "allow", "deny");
        a.label("allow");
        a.ret(RET_ALLOW);
        a.label("deny");
        a.ret(RET_ERRNO | EPERM);
        a.label("nosys");
        a.ret(RET_ERRNO | ENOSYS);
        return a.bytes();
    }

    /** Forward jumps by label name; {@code null} means the next instruction. */
    private static final class Assembler {
        private record Insn(int code, String jt, String jf, int k) {
        }

        private final List<Insn> insns = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();

        void load(int offset) {
            insns.add(new Insn(LD_W_ABS, null, null, offset));
        }

        void jumpIfEqual(int k, String jt, String jf) {
            insns.add(new Insn(JEQ_K, jt, jf, k));
        }

        void jumpIfAtLeast(int k, String jt, String jf) {
            insns.add(new Insn(JGE_K, jt, jf, k));
        }

        void jumpIfAnyBit(int k, String jt, String jf) {
            insns.add(new Insn(JSET_K, jt, jf, k));
        }

        void ret(int k) {
            insns.add(new Insn(RET_K, null, null, k));
        }

        void label(String name) {
            labels.put(name, insns.size());
        }

        byte[] bytes() {
            ByteBuffer out = ByteBuffer.allocate(insns.size() * 8).order(ByteOrder.nativeOrder());
            for (int pc = 0; pc < insns.size(); pc++) {
                Insn i = insns.get(pc);
                out.putShort((short) i.code());
                out.put((byte) offset(pc, i.jt()));
                out.put((byte) offset(pc, i.jf()));
                out.putInt(i.k());
            }
            return out.array();
        }

        private int offset(int pc, String label) {
            if (label == null) {
                return 0;
            }
            int off = labels.get(label) - pc - 1;
            if (off < 0 || off > 255) {
                throw new IllegalStateException("seccomp jump to " + label + " out of range: " + off);
            }
            return off;
        }
    }
}
