"""People, organisations and their roles, from spaCy's named entities.

One module per job: `names` (cleaning the model's spans, names it missed),
`people` (grouping a person's mentions), `organisations` (acronyms,
descriptions), `roles` (titles from the parse), `component` (the
``pckg_entities`` component and `find_entities`). `clusters` holds what
they build: an `EntityCluster` per person or organisation.
"""

from extractors.entities.clusters import EntityCluster, EntityKind, RoleMatch, name_key
from extractors.entities.component import EntityExtractor, find_entities
from extractors.entities.names import initials
from extractors.entities.people import person_called
from extractors.entities.roles import roles_of

__all__ = ["EntityCluster", "EntityKind", "RoleMatch", "name_key", "find_entities", "EntityExtractor",
           "person_called", "roles_of", "initials"]
