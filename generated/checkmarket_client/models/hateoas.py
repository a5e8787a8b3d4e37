# Generated from spec/checkmarket.openapi.yaml by scripts/generate.py (openapi-python-client 0.29.1). Do not edit: change the source, then run `nox -s generate`.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hateoas_link import HateoasLink


T = TypeVar("T", bound="Hateoas")


@_attrs_define
class Hateoas:
    """Links to the requests that naturally follow this one (next page, update, delete, ...). Every member is optional.

    Attributes:
        self_ (HateoasLink | Unset): A link to a related request.
        create (HateoasLink | Unset): A link to a related request.
        update (HateoasLink | Unset): A link to a related request.
        delete (HateoasLink | Unset): A link to a related request.
        next_ (HateoasLink | Unset): A link to a related request.
        previous (HateoasLink | Unset): A link to a related request.
        help_ (HateoasLink | Unset): A link to a related request.
        progress (HateoasLink | Unset): A link to a related request.
        alternate_link (HateoasLink | Unset): A link to a related request.
        list_link (HateoasLink | Unset): A link to a related request.
        other (list[HateoasLink] | Unset): Further links.
    """

    self_: HateoasLink | Unset = UNSET
    create: HateoasLink | Unset = UNSET
    update: HateoasLink | Unset = UNSET
    delete: HateoasLink | Unset = UNSET
    next_: HateoasLink | Unset = UNSET
    previous: HateoasLink | Unset = UNSET
    help_: HateoasLink | Unset = UNSET
    progress: HateoasLink | Unset = UNSET
    alternate_link: HateoasLink | Unset = UNSET
    list_link: HateoasLink | Unset = UNSET
    other: list[HateoasLink] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        self_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.self_, Unset):
            self_ = self.self_.to_dict()

        create: dict[str, Any] | Unset = UNSET
        if not isinstance(self.create, Unset):
            create = self.create.to_dict()

        update: dict[str, Any] | Unset = UNSET
        if not isinstance(self.update, Unset):
            update = self.update.to_dict()

        delete: dict[str, Any] | Unset = UNSET
        if not isinstance(self.delete, Unset):
            delete = self.delete.to_dict()

        next_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.next_, Unset):
            next_ = self.next_.to_dict()

        previous: dict[str, Any] | Unset = UNSET
        if not isinstance(self.previous, Unset):
            previous = self.previous.to_dict()

        help_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.help_, Unset):
            help_ = self.help_.to_dict()

        progress: dict[str, Any] | Unset = UNSET
        if not isinstance(self.progress, Unset):
            progress = self.progress.to_dict()

        alternate_link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alternate_link, Unset):
            alternate_link = self.alternate_link.to_dict()

        list_link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.list_link, Unset):
            list_link = self.list_link.to_dict()

        other: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.other, Unset):
            other = []
            for other_item_data in self.other:
                other_item = other_item_data.to_dict()
                other.append(other_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if self_ is not UNSET:
            field_dict["Self"] = self_
        if create is not UNSET:
            field_dict["Create"] = create
        if update is not UNSET:
            field_dict["Update"] = update
        if delete is not UNSET:
            field_dict["Delete"] = delete
        if next_ is not UNSET:
            field_dict["Next"] = next_
        if previous is not UNSET:
            field_dict["Previous"] = previous
        if help_ is not UNSET:
            field_dict["Help"] = help_
        if progress is not UNSET:
            field_dict["Progress"] = progress
        if alternate_link is not UNSET:
            field_dict["AlternateLink"] = alternate_link
        if list_link is not UNSET:
            field_dict["ListLink"] = list_link
        if other is not UNSET:
            field_dict["Other"] = other

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hateoas_link import HateoasLink  # noqa: PLC0415

        d = dict(src_dict)
        _self_ = d.pop("Self", UNSET)
        self_: HateoasLink | Unset
        if isinstance(_self_, Unset):
            self_ = UNSET
        else:
            self_ = HateoasLink.from_dict(_self_)

        _create = d.pop("Create", UNSET)
        create: HateoasLink | Unset
        if isinstance(_create, Unset):
            create = UNSET
        else:
            create = HateoasLink.from_dict(_create)

        _update = d.pop("Update", UNSET)
        update: HateoasLink | Unset
        if isinstance(_update, Unset):
            update = UNSET
        else:
            update = HateoasLink.from_dict(_update)

        _delete = d.pop("Delete", UNSET)
        delete: HateoasLink | Unset
        if isinstance(_delete, Unset):
            delete = UNSET
        else:
            delete = HateoasLink.from_dict(_delete)

        _next_ = d.pop("Next", UNSET)
        next_: HateoasLink | Unset
        if isinstance(_next_, Unset):
            next_ = UNSET
        else:
            next_ = HateoasLink.from_dict(_next_)

        _previous = d.pop("Previous", UNSET)
        previous: HateoasLink | Unset
        if isinstance(_previous, Unset):
            previous = UNSET
        else:
            previous = HateoasLink.from_dict(_previous)

        _help_ = d.pop("Help", UNSET)
        help_: HateoasLink | Unset
        if isinstance(_help_, Unset):
            help_ = UNSET
        else:
            help_ = HateoasLink.from_dict(_help_)

        _progress = d.pop("Progress", UNSET)
        progress: HateoasLink | Unset
        if isinstance(_progress, Unset):
            progress = UNSET
        else:
            progress = HateoasLink.from_dict(_progress)

        _alternate_link = d.pop("AlternateLink", UNSET)
        alternate_link: HateoasLink | Unset
        if isinstance(_alternate_link, Unset):
            alternate_link = UNSET
        else:
            alternate_link = HateoasLink.from_dict(_alternate_link)

        _list_link = d.pop("ListLink", UNSET)
        list_link: HateoasLink | Unset
        if isinstance(_list_link, Unset):
            list_link = UNSET
        else:
            list_link = HateoasLink.from_dict(_list_link)

        _other = d.pop("Other", UNSET)
        other: list[HateoasLink] | Unset = UNSET
        if _other is not UNSET:
            other = []
            for other_item_data in _other:
                other_item = HateoasLink.from_dict(other_item_data)

                other.append(other_item)

        hateoas = cls(
            self_=self_,
            create=create,
            update=update,
            delete=delete,
            next_=next_,
            previous=previous,
            help_=help_,
            progress=progress,
            alternate_link=alternate_link,
            list_link=list_link,
            other=other,
        )

        hateoas.additional_properties = d
        return hateoas

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
