"""Reading the directory of an OLE compound file (MS-CFB), the container of pre-2007 Office
files and of password-protected new ones, to tell which of the two a file is.

Only stream and storage names are read, never stream contents, and every chain is followed
a bounded number of steps, so a hostile or damaged file costs a few reads at most.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A compound file's directory chain is followed this far at most (128 entries a sector).
_MAX_DIRECTORY_SECTORS = 256
# DIFAT sectors followed at most: 1,024 of them map about 8 GiB of 512-byte sectors.
_MAX_DIFAT_HOPS = 1024


def compound_names(handle: BinaryIO) -> set[str]:
    """The stream and storage names in an OLE compound file's directory (MS-CFB), as far as
    they can be read; a malformed file gives what was found before the damage."""
    names: set[str] = set()
    handle.seek(0)
    header = handle.read(512)
    if len(header) < 512 or header[30:32] not in (b"\x09\x00", b"\x0c\x00"):
        return names
    sector_size = 1 << header[30]
    per_sector = sector_size // 4
    (first_difat,) = struct.unpack_from("<I", header, 68)
    header_difat = struct.unpack_from("<109I", header, 76)

    def read_sector(number: int) -> bytes:
        handle.seek((number + 1) * sector_size)
        data = handle.read(sector_size)
        if len(data) < sector_size:
            raise EOFError
        return data

    def fat_entry(sector: int) -> int:
        index, slot = divmod(sector, per_sector)
        if index < len(header_difat):
            location = header_difat[index]
        else:  # the FAT sector's location is in the chain of DIFAT sectors
            hops, entry = divmod(index - len(header_difat), per_sector - 1)
            if hops > _MAX_DIFAT_HOPS:
                raise EOFError
            difat = first_difat
            for _ in range(hops):
                (difat,) = struct.unpack_from("<I", read_sector(difat), sector_size - 4)
            (location,) = struct.unpack_from("<I", read_sector(difat), entry * 4)
        return struct.unpack_from("<I", read_sector(location), slot * 4)[0]

    (sector,) = struct.unpack_from("<I", header, 48)
    try:
        for _ in range(_MAX_DIRECTORY_SECTORS):
            if sector >= 0xFFFFFFFA:  # end of chain, or a reserved marker
                break
            data = read_sector(sector)
            for offset in range(0, sector_size, 128):
                (length,) = struct.unpack_from("<H", data, offset + 64)
                if 2 <= length <= 64 and data[offset + 66] in (1, 2, 5):
                    names.add(data[offset : offset + length - 2].decode("utf-16-le", "replace"))
            sector = fat_entry(sector)
    except (EOFError, struct.error):
        pass
    return names
