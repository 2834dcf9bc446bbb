package org.m2mkit.labs.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.m2mkit.labs.UserError;

/**
 * A legacy meter that speaks only Modbus TCP (a j2mod slave on loopback): it serves the {@link RegisterMap} as
 * input registers of unit 1, in the word order of its model. Thread-safe.
 */
public final class ModbusMeter implements AutoCloseable {

    private final String id;
    private final WordOrder order;
    private final ModbusSlave slave;
    private final SimpleInputRegister[] registers;
    private final int port;
    private volatile RegisterMap.Reading reading;

    private ModbusMeter(String id, WordOrder order, ModbusSlave slave, SimpleProcessImage image,
                        SimpleInputRegister[] registers, int port, RegisterMap.Reading first) {
        this.id = id;
        this.registers = registers;
        this.order = order;
        this.slave = slave;
        this.port = port;
        for (int i = 0; i < registers.length; i++) {
            registers[i] = new SimpleInputRegister(0);
            image.addInputRegister(registers[i]);
        }
        set(first);
    }

    /**
     * Starts a meter on a free TCP port of {@code host}.
     *
     * @throws UserError when no port can be bound
     */
    public static ModbusMeter start(String id, WordOrder order, String host, RegisterMap.Reading first) {
        UserError last = null;
        for (int attempt = 0; attempt < 5; attempt++) { // a free port may be taken between the probe and the bind
            int port = freePort(host);
            SimpleInputRegister[] regs = new SimpleInputRegister[RegisterMap.COUNT];
            SimpleProcessImage image = new SimpleProcessImage(RegisterMap.UNIT_ID) {
                // one poll sees the six registers of one reading, never half of a new one
                @Override
                public InputRegister[] getInputRegisterRange(int offset, int count) {
                    synchronized (regs) {
                        InputRegister[] out = super.getInputRegisterRange(offset, count);
                        InputRegister[] copy = new InputRegister[out.length];
                        for (int i = 0; i < out.length; i++) {
                            copy[i] = new SimpleInputRegister(out[i].getValue());
                        }
                        return copy;
                    }
                }
            };
            ModbusSlave slave = null;
            try {
                slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getByName(host), port, 4, false);
                slave.setThreadName("modbus-" + id);
                slave.addProcessImage(RegisterMap.UNIT_ID, image);
                ModbusMeter meter = new ModbusMeter(id, order, slave, image, regs, port, first);
                slave.open();
                if (listening(host, port)) {
                    return meter;
                }
                ModbusSlaveFactory.close(slave);
                last = new UserError("legacy meter " + id + " could not listen on " + host + ":" + port);
            } catch (ModbusException | IOException e) {
                if (slave != null) {
                    ModbusSlaveFactory.close(slave);
                }
                last = new UserError("legacy meter " + id + " could not start Modbus TCP on " + host + ": "
                        + e.getMessage(), e);
            }
        }
        throw last;
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UserError("no free TCP port on " + host + " for a legacy meter: " + e.getMessage(), e);
        }
    }

    /** Whether the slave accepts connections (it binds on a thread of its own). */
    private static boolean listening(String host, int port) {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 200);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** The meter now reads {@code r}: its six registers change together. */
    public void set(RegisterMap.Reading r) {
        int[] values = RegisterMap.encode(r, order);
        synchronized (registers) {
            for (int i = 0; i < values.length; i++) {
                registers[i].setValue(values[i]);
            }
        }
        reading = r;
    }

    public RegisterMap.Reading reading() {
        return reading;
    }

    public String id() {
        return id;
    }

    public WordOrder wordOrder() {
        return order;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ModbusSlaveFactory.close(slave);
    }
}
