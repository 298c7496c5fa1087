"""The body's blocks as editors see them in the StreamField menu."""

from broadsheet.articles.blocks import ArticleBodyBlock


def test_every_body_block_and_field_has_a_capitalised_label():
    body = ArticleBodyBlock()
    labels = {name: str(block.label) for name, block in body.child_blocks.items()}
    assert labels == {
        "paragraph": "Paragraph",
        "subheading": "Subheading",
        "quote": "Quote",
        "image": "Image",
        "fact_box": "Fact box",
        "related": "Related article",
    }
    for block in body.child_blocks.values():
        for field in getattr(block, "child_blocks", {}).values():
            label = str(field.label)
            assert label[:1].isupper(), f"{block.name}.{field.name}: {label!r}"
