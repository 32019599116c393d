import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

GPS_IFD = 0x8825
MAKE = 0x010F


def photo_with_gps(image_format="JPEG"):
    exif = Image.Exif()
    exif[MAKE] = "Camera van de buren"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 22.0, 7.0), 3: "E", 4: (4.0, 53.0, 2.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "#8c1c3a").save(buffer, image_format, exif=exif.tobytes())
    return buffer.getvalue()


def metadata_of(field_file):
    with field_file.open("rb") as handle:
        image = Image.open(handle)
        return dict(image.getexif()), image.getexif().get_ifd(GPS_IFD), image.info


@pytest.mark.parametrize("image_format", ["JPEG", "AVIF", "HEIF"])
def test_the_fixture_really_carries_gps_coordinates(image_format):
    exif = Image.open(io.BytesIO(photo_with_gps(image_format))).getexif()
    assert exif.get_ifd(GPS_IFD)[2] == (52.0, 22.0, 7.0)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "image_format", "stored_as"),
    [
        ("gezin.jpg", "JPEG", "JPEG"),
        ("gezin.avif", "AVIF", "AVIF"),
        # An iPhone's photo is stored as a JPEG: browsers other than Safari cannot show HEIC.
        ("IMG_0042.HEIC", "HEIF", "JPEG"),
    ],
)
def test_an_image_uploaded_in_the_admin_keeps_no_gps_in_its_original_or_renditions(
    client, editor, name, image_format, stored_as
):
    client.force_login(editor)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Gezin aan tafel",
            "file": SimpleUploadedFile(name, photo_with_gps(image_format)),
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Gezin aan tafel")
    with image.file.open("rb") as stored:
        assert Image.open(stored).format == stored_as

    exif, gps, _info = metadata_of(image.file)
    assert gps == {}
    assert MAKE not in exif
    assert (image.width, image.height) == (900, 600)
    assert image.file_size == image.file.size

    for spec in ("fill-640x360", "width-800", "max-200x200|format-png", "width-400|format-webp"):
        exif, gps, info = metadata_of(image.get_rendition(spec).file)
        assert gps == {}, spec
        assert exif == {}, spec
        assert "xmp" not in info, spec
