import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

GPS_IFD = 0x8825
MAKE = 0x010F


def jpeg_with_gps():
    exif = Image.Exif()
    exif[MAKE] = "Camera van de buren"
    exif[GPS_IFD] = {1: "N", 2: (52.0, 22.0, 7.0), 3: "E", 4: (4.0, 53.0, 2.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (900, 600), "#8c1c3a").save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def metadata_of(field_file):
    with field_file.open("rb") as handle:
        image = Image.open(handle)
        return dict(image.getexif()), image.getexif().get_ifd(GPS_IFD), image.info


def test_the_fixture_really_carries_gps_coordinates():
    exif = Image.open(io.BytesIO(jpeg_with_gps())).getexif()
    assert exif.get_ifd(GPS_IFD)[2] == (52.0, 22.0, 7.0)


@pytest.mark.django_db
def test_an_image_uploaded_in_the_admin_keeps_no_gps_in_its_original_or_renditions(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Gezin aan tafel",
            "file": SimpleUploadedFile("gezin.jpg", jpeg_with_gps(), content_type="image/jpeg"),
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    image = get_image_model().objects.get(title="Gezin aan tafel")

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
