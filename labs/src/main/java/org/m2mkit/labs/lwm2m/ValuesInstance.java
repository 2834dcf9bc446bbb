package org.m2mkit.labs.lwm2m;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.leshan.client.resource.BaseInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.node.LwM2mMultipleResource;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.core.response.WriteResponse;

/**
 * One object instance of a kit device: each resource reads from a supplier, a few take writes, executable
 * resources answer "done". A value that is a {@link Map} is a multiple resource (instance id to value).
 */
final class ValuesInstance extends BaseInstanceEnabler {

    private final Map<Integer, Supplier<Object>> values = new TreeMap<>();
    private final Map<Integer, Consumer<Object>> writers = new TreeMap<>();
    private final List<Integer> executable = new ArrayList<>();

    ValuesInstance(int id) {
        super(id);
    }

    ValuesInstance() {
        super();
    }

    ValuesInstance value(int resource, Supplier<Object> value) {
        values.put(resource, value);
        return this;
    }

    ValuesInstance fixed(int resource, Object value) {
        return value(resource, () -> value);
    }

    ValuesInstance writable(int resource, Supplier<Object> value, Consumer<Object> writer) {
        writers.put(resource, writer);
        return value(resource, value);
    }

    ValuesInstance executable(int resource) {
        executable.add(resource);
        return this;
    }

    /** Tells observers that {@code resources} changed. */
    void changed(int... resources) {
        fireResourcesChange(getResourcePaths(resources));
    }

    @Override
    public ReadResponse read(LwM2mServer server, int resource) {
        Supplier<Object> v = values.get(resource);
        if (v == null) {
            return super.read(server, resource);
        }
        ResourceModel.Type type = getModel().resources.get(resource).type;
        Object value = v.get();
        if (value instanceof Map<?, ?> many) {
            @SuppressWarnings("unchecked")
            Map<Integer, ?> m = (Map<Integer, ?>) many;
            return ReadResponse.success(LwM2mMultipleResource.newResource(resource, m, type));
        }
        return ReadResponse.success(LwM2mSingleResource.newResource(resource, value, type));
    }

    @Override
    public WriteResponse write(LwM2mServer server, boolean replace, int resource, LwM2mResource value) {
        Consumer<Object> w = writers.get(resource);
        if (w == null) {
            return super.write(server, replace, resource, value);
        }
        w.accept(value.getValue());
        return WriteResponse.success();
    }

    @Override
    public ExecuteResponse execute(LwM2mServer server, int resource, Arguments arguments) {
        return executable.contains(resource) ? ExecuteResponse.success() : super.execute(server, resource, arguments);
    }

    @Override
    public List<Integer> getAvailableResourceIds(ObjectModel model) {
        List<Integer> ids = new ArrayList<>(values.keySet());
        ids.addAll(executable);
        ids.sort(null);
        return ids;
    }
}
