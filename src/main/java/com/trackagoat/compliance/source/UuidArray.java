package com.trackagoat.compliance.source;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.StringJoiner;
import java.util.UUID;

import org.postgresql.core.Oid;
import org.postgresql.util.PGBinaryObject;
import org.postgresql.util.PGobject;

/**
 * A {@code uuid[]} statement parameter in PostgreSQL's binary array format: 16 bytes an id. The driver has no
 * binary encoding of its own for uuid arrays; as array text, each id was formatted to 36 characters, escaped
 * and parsed again by the server, several thousand per chunk. The driver sends it in binary where the
 * connection enables binary transfer of {@code uuid[]} ({@code binaryTransferEnable=UUID_ARRAY}, which
 * application.properties sets), and as array text otherwise: the same values either way.
 */
public final class UuidArray extends PGobject implements PGBinaryObject {

    private static final int HEADER = 5 * Integer.BYTES; // dimensions, has-nulls flag, element type, length, lower bound
    private static final int ELEMENT = Integer.BYTES + 16;

    private UUID[] ids;
    private int nulls;

    private UuidArray(UUID[] ids) {
        this.type = "uuid[]";
        this.ids = ids;
        this.nulls = countNulls(ids);
    }

    public static UuidArray of(UUID[] ids) {
        return new UuidArray(ids.clone());
    }

    public static UuidArray of(Collection<UUID> ids) {
        return new UuidArray(ids.toArray(UUID[]::new));
    }

    @Override
    public int lengthInBytes() {
        return HEADER + (ids.length - nulls) * ELEMENT + nulls * Integer.BYTES;
    }

    @Override
    public void toBytes(byte[] bytes, int offset) {
        ByteBuffer out = ByteBuffer.wrap(bytes, offset, lengthInBytes()); // big-endian, as PostgreSQL reads it
        out.putInt(1).putInt(nulls > 0 ? 1 : 0).putInt(Oid.UUID).putInt(ids.length).putInt(1);
        for (UUID id : ids) {
            if (id == null) {
                out.putInt(-1);
            } else {
                out.putInt(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            }
        }
    }

    @Override
    public void setByteValue(byte[] value, int offset) {
        ByteBuffer in = ByteBuffer.wrap(value, offset, value.length - offset);
        int dimensions = in.getInt();
        in.getInt(); // has-nulls flag: each element says so itself
        in.getInt(); // element type
        if (dimensions == 0) {
            ids = new UUID[0];
            nulls = 0;
            return;
        }
        ids = new UUID[in.getInt()];
        in.getInt(); // lower bound
        for (int i = 0; i < ids.length; i++) {
            ids[i] = in.getInt() < 0 ? null : new UUID(in.getLong(), in.getLong());
        }
        nulls = countNulls(ids);
    }

    /** The array text, for a connection that sends {@code uuid[]} as text. */
    @Override
    public String getValue() {
        StringJoiner text = new StringJoiner(",", "{", "}");
        for (UUID id : ids) {
            text.add(id == null ? "NULL" : id.toString());
        }
        return text.toString();
    }

    @Override
    public void setValue(String value) {
        throw new UnsupportedOperationException("a uuid[] parameter is built from ids, not from text");
    }

    @Override
    public boolean isNull() {
        return false; // PGobject's test is whether the text value is set, which this class never does
    }

    private static int countNulls(UUID[] ids) {
        int nulls = 0;
        for (UUID id : ids) {
            if (id == null) {
                nulls++;
            }
        }
        return nulls;
    }
}
